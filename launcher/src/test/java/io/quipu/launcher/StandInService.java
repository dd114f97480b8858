package io.quipu.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The smallest thing the launcher can supervise: a JVM with the readiness endpoint of a Spring Boot service on
 * {@code SERVER_PORT}. {@code POST /unready} makes its readiness fail from then on, as a service that lost its database would.
 * Packed into a jar by {@link SupervisorTest}; uses the JDK only.
 */
public final class StandInService {

    private StandInService() {
    }

    public static void main(String[] arguments) throws IOException {
        AtomicBoolean ready = new AtomicBoolean(true);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(System.getenv("SERVER_PORT"))), 0);
        server.createContext("/actuator/health/readiness", exchange -> answer(exchange, ready.get() ? 200 : 503));
        server.createContext("/unready", exchange -> {
            ready.set(false);
            answer(exchange, 200);
        });
        server.start();
        System.out.println("stand-in service listening on " + server.getAddress());
    }

    private static void answer(HttpExchange exchange, int status) throws IOException {
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }
}

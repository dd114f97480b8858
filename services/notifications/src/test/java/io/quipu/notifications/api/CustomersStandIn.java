package io.quipu.notifications.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quipu.contracts.customers.CustomerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JDK HTTP stand-in for the customers service's {@code GET /customers/{id}} (a bearer token required), which can be
 * switched to answer 503, as when it is down. The external providers are the real sandbox's.
 */
final class CustomersStandIn {

    static final JsonMapper JSON = JsonMapper.builder().build();

    final Map<UUID, CustomerResponse> customers = new ConcurrentHashMap<>();
    final AtomicBoolean customersDown = new AtomicBoolean();
    final AtomicInteger customerCalls = new AtomicInteger();
    private final HttpServer server;

    CustomersStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/customers/", this::customer);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A customer of the customers service, with an e-mail address and a phone, in the given language. */
    UUID addCustomer(String givenNames, String email, String phone, String language) {
        UUID id = UUID.randomUUID();
        customers.put(id, new CustomerResponse(id.toString(), givenNames, "Quispe", "Mamani", email, phone, "DNI",
                "45678912", "1990-04-12", "Av. Arequipa 1234, Lima", "PE", "engineer", false, "active", "low", language,
                false, 1, Instant.now(), Instant.now()));
        return id;
    }

    private void customer(HttpExchange exchange) throws IOException {
        customerCalls.incrementAndGet();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            answer(exchange, 401, "{\"code\":\"unauthenticated\"}");
            return;
        }
        if (customersDown.get()) {
            answer(exchange, 503, "{\"code\":\"unavailable\"}");
            return;
        }
        String id = exchange.getRequestURI().getPath().substring("/customers/".length());
        CustomerResponse customer;
        try {
            customer = customers.get(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            customer = null;
        }
        if (customer == null) {
            answer(exchange, 404, "{\"code\":\"customer_not_found\"}");
        } else {
            answer(exchange, 200, JSON.writeValueAsString(customer));
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream output = exchange.getResponseBody()) {
            output.write(bytes);
        }
    }
}

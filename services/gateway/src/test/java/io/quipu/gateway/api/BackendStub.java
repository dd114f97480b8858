package io.quipu.gateway.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A service behind the gateway, on a free port: records the last request it received and answers by path:
 * {@code /slow} after {@link #SLOW_RESPONSE_MILLIS}, {@code /v3/api-docs} with an OpenAPI document, {@code /missing}
 * with a 404 problem, anything else with 200 (201 for POST) and a small JSON body.
 */
final class BackendStub implements AutoCloseable {

    static final long SLOW_RESPONSE_MILLIS = 4_000;
    static final long STREAM_PAUSE_MILLIS = 2_500;

    record ReceivedRequest(String method, String path, String query, Map<String, List<String>> headers, String body) {
        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : String.join(",", values);
        }

        List<String> headerValues(String name) {
            return headers.getOrDefault(name, List.of());
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final AtomicReference<ReceivedRequest> lastRequest = new AtomicReference<>();

    BackendStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    ReceivedRequest lastRequest() {
        return lastRequest.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            String path = exchange.getRequestURI().getRawPath();
            lastRequest.set(new ReceivedRequest(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(), headers, body));

            switch (path) {
                case "/slow" -> {
                    sleep(SLOW_RESPONSE_MILLIS);
                    respond(exchange, 200, "application/json", "{\"slow\":true}");
                }
                case "/v3/api-docs" -> respond(exchange, 200, "application/json",
                        "{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"ledger\",\"version\":\"1\"},"
                                + "\"servers\":[{\"url\":\"" + baseUrl() + "\"}],\"paths\":{\"/accounts\":{}}}");
                case "/stream" -> {
                    // Server-Sent Events: one event at once, the next after longer than the gateway's response timeout.
                    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                    exchange.sendResponseHeaders(200, 0);
                    exchange.getResponseBody().write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
                    exchange.getResponseBody().flush();
                    sleep(STREAM_PAUSE_MILLIS);
                    exchange.getResponseBody().write("data: second\n\n".getBytes(StandardCharsets.UTF_8));
                    exchange.getResponseBody().flush();
                }
                case "/missing" -> respond(exchange, 404, "application/problem+json",
                        "{\"status\":404,\"code\":\"account_not_found\",\"detail\":\"No such account.\"}");
                default -> {
                    exchange.getResponseHeaders().add("X-Backend", "ledger-stub");
                    if (path.endsWith("/with-security-headers")) {
                        // What a Spring Security service answers: the gateway must not double these.
                        exchange.getResponseHeaders().add("X-Frame-Options", "DENY");
                        exchange.getResponseHeaders().add("X-Content-Type-Options", "nosniff");
                        exchange.getResponseHeaders().add("Cache-Control", "no-store");
                    }
                    // Like every platform service, it answers with the request id it was given.
                    String requestId = exchange.getRequestHeaders().getFirst("X-Request-Id");
                    if (requestId != null) {
                        exchange.getResponseHeaders().add("X-Request-Id", requestId);
                    }
                    exchange.getResponseHeaders().add("Location", "/transfers/42");
                    respond(exchange, "POST".equals(exchange.getRequestMethod()) ? 201 : 200, "application/json",
                            "{\"backend\":\"ledger\",\"path\":\"" + path + "\"}");
                }
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

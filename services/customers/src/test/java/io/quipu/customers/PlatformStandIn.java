package io.quipu.customers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Identity's {@code POST /users} and the ledger's account endpoints as the customers service uses them, answering
 * like the real services (same JSON, same problem codes for taken usernames and repeated customers, same idempotent
 * account opening), with switches to make them fail. The real services are exercised together in e2e's
 * {@code OnboardingEndToEndTest}; a service's own tests cannot start another service.
 */
public final class PlatformStandIn {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record CreatedUser(UUID id, String username, String password, String phone, UUID customerId) {
    }

    public record OpenedAccount(UUID id, UUID customerId, String currency, String accountNumber, String cci) {
    }

    private final HttpServer server;
    public final Map<UUID, CreatedUser> usersByCustomer = new ConcurrentHashMap<>();
    public final Map<UUID, OpenedAccount> accounts = new ConcurrentHashMap<>();
    /** Answer this many account openings with 503 before working again: the ledger having an outage. */
    public final AtomicInteger ledgerFailures = new AtomicInteger();
    public final AtomicInteger accountOpenings = new AtomicInteger();
    /** While true, reading accounts answers 503: the ledger down for the 360° view. */
    public volatile boolean ledgerReadsDown;
    private final AtomicInteger accountSequence = new AtomicInteger(1000);

    public PlatformStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/users", this::users);
        server.createContext("/accounts", this::accounts);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void users(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod()) || bearer(exchange) == null) {
            answer(exchange, 401, Map.of("code", "unauthenticated"));
            return;
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        UUID customerId = UUID.fromString(body.get("customerId").asString());
        String username = body.get("username").asString().toLowerCase();
        if (usersByCustomer.containsKey(customerId)) {
            answer(exchange, 409, Map.of("code", "customer_has_user", "detail", "This customer already has a user."));
            return;
        }
        if (usersByCustomer.values().stream().anyMatch(user -> user.username().equals(username))) {
            answer(exchange, 409, Map.of("code", "username_taken", "detail", "This username is taken."));
            return;
        }
        String password = body.get("password").asString();
        if (password.length() < 10) {
            answer(exchange, 400, Map.of("code", "weak_password", "detail", "The password is too weak.",
                    "errors", List.of(Map.of("field", "password", "code", "too_short", "message", "must have at least 10 characters"))));
            return;
        }
        CreatedUser user = new CreatedUser(UUID.randomUUID(), username, password, body.get("phone").asString(), customerId);
        usersByCustomer.put(customerId, user);
        answer(exchange, 201, Map.of("id", user.id().toString(), "username", username, "kind", "CUSTOMER",
                "customerId", customerId.toString(), "roles", List.of(), "createdAt", Instant.now().toString()));
    }

    private void accounts(HttpExchange exchange) throws IOException {
        if (bearer(exchange) == null) {
            answer(exchange, 401, Map.of("code", "unauthenticated"));
            return;
        }
        String path = exchange.getRequestURI().getPath();
        if ("POST".equals(exchange.getRequestMethod()) && path.equals("/accounts")) {
            accountOpenings.incrementAndGet();
            if (ledgerFailures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                answer(exchange, 503, Map.of("code", "service_unavailable"));
                return;
            }
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            UUID id = UUID.fromString(body.get("id").asString());
            OpenedAccount account = accounts.computeIfAbsent(id, key -> {
                String number = "0990010" + String.format("%07d", accountSequence.incrementAndGet());
                return new OpenedAccount(id, UUID.fromString(body.get("customerId").asString()), body.get("currency").asString(),
                        number, "099001" + "00" + number.substring(4) + "11");
            });
            answer(exchange, 201, account(account));
        } else if ("GET".equals(exchange.getRequestMethod()) && ledgerReadsDown) {
            answer(exchange, 503, Map.of("code", "service_unavailable"));
        } else if ("GET".equals(exchange.getRequestMethod()) && path.equals("/accounts")) {
            UUID customerId = UUID.fromString(exchange.getRequestURI().getQuery().replace("customerId=", ""));
            List<Map<String, Object>> owned = new ArrayList<>();
            accounts.values().stream().filter(account -> account.customerId().equals(customerId)).forEach(account -> owned.add(account(account)));
            answer(exchange, 200, owned);
        } else if ("GET".equals(exchange.getRequestMethod()) && path.endsWith("/transfers")) {
            answer(exchange, 200, Map.of("lines", List.of()));
        } else {
            answer(exchange, 404, Map.of("code", "not_found"));
        }
    }

    private static Map<String, Object> account(OpenedAccount account) {
        Map<String, Object> zero = Map.of("amount", "0.00", "currency", account.currency());
        Map<String, Object> view = new java.util.LinkedHashMap<>();
        view.put("id", account.id().toString());
        view.put("accountNumber", account.accountNumber());
        view.put("cci", account.cci());
        view.put("customerId", account.customerId().toString());
        view.put("product", "SAVINGS");
        view.put("currency", account.currency());
        view.put("debitsMustNotExceedCredits", true);
        view.put("creditsMustNotExceedDebits", false);
        view.put("status", "open");
        for (String balance : List.of("debitsPending", "debitsPosted", "creditsPending", "creditsPosted", "posted", "available")) {
            view.put(balance, zero);
        }
        view.put("createdAt", Instant.now().toString());
        return view;
    }

    private static String bearer(HttpExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        return header != null && header.startsWith("Bearer ") ? header.substring(7) : null;
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}

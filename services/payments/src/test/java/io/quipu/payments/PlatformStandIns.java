package io.quipu.payments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
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
 * The fraud service's and identity's step-up endpoints as payments calls them, with the same JSON and problem codes,
 * steered by the test: which decision fraud gives, whether a review case is approved, whether fraud is down. A step-up
 * authorization here is {@code stepup:<paymentId>:<amount>:<currency>:<payee>}, redeemed once. The real services are
 * exercised together through the gateway in e2e.
 */
public final class PlatformStandIns {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    /** The decision fraud gives to payments of this amount (decimal string); "allow" otherwise. */
    public final Map<String, String> decisionByAmount = new ConcurrentHashMap<>();
    /** Review cases and their status: open, approved, rejected. */
    public final Map<UUID, String> cases = new ConcurrentHashMap<>();
    private final Map<UUID, UUID> caseByPayment = new ConcurrentHashMap<>();
    public volatile boolean fraudDown;
    public final AtomicInteger fraudChecks = new AtomicInteger();
    private final Map<String, Boolean> spentStepUps = new ConcurrentHashMap<>();

    public PlatformStandIns() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/fraud/checks", this::check);
        server.createContext("/fraud/cases/", this::fraudCase);
        server.createContext("/auth/step-up/redeem", this::redeem);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public static String stepUpFor(UUID paymentId, String amount, String currency, String payee) {
        return "stepup:" + paymentId + ":" + amount + ":" + currency + ":" + payee;
    }

    private void check(HttpExchange exchange) throws IOException {
        fraudChecks.incrementAndGet();
        if (fraudDown) {
            answer(exchange, 503, Map.of("code", "service_unavailable"));
            return;
        }
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        UUID paymentId = UUID.fromString(request.get("paymentId").asString());
        String decision = decisionByAmount.getOrDefault(request.get("amount").get("amount").asString(), "allow");
        UUID caseId = null;
        if ("review".equals(decision)) {
            caseId = caseByPayment.computeIfAbsent(paymentId, id -> UUID.randomUUID());
            cases.putIfAbsent(caseId, "open");
        }
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("decisionId", UUID.randomUUID().toString());
        body.put("paymentId", paymentId.toString());
        body.put("decision", decision);
        body.put("reasons", "allow".equals(decision) ? List.of() : List.of("amount_above_usual"));
        body.put("riskScore", "allow".equals(decision) ? 5 : "review".equals(decision) ? 45 : 90);
        body.put("caseId", caseId == null ? null : caseId.toString());
        body.put("decidedAt", Instant.now().toString());
        answer(exchange, 200, body);
    }

    private void fraudCase(HttpExchange exchange) throws IOException {
        UUID caseId = UUID.fromString(exchange.getRequestURI().getPath().substring("/fraud/cases/".length()));
        String status = cases.get(caseId);
        if (status == null) {
            answer(exchange, 404, Map.of("code", "case_not_found"));
            return;
        }
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("id", caseId.toString());
        body.put("status", status);
        body.put("reasons", List.of("amount_above_usual"));
        body.put("riskScore", 45);
        body.put("resolvedBy", "open".equals(status) ? null : "demo.analyst");
        body.put("createdAt", Instant.now().toString());
        answer(exchange, 200, body);
    }

    private void redeem(HttpExchange exchange) throws IOException {
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        String authorization = request.get("authorization").asString();
        String expected = stepUpFor(UUID.fromString(request.get("paymentId").asString()), request.get("amount").get("amount").asString(),
                request.get("amount").get("currency").asString(), request.get("payee").asString());
        if (!authorization.startsWith("stepup:")) {
            answer(exchange, 422, Map.of("code", "step_up_invalid"));
        } else if (!authorization.equals(expected)) {
            answer(exchange, 422, Map.of("code", "binding_mismatch"));
        } else if (spentStepUps.putIfAbsent(authorization, true) != null) {
            answer(exchange, 422, Map.of("code", "already_used"));
        } else {
            answer(exchange, 200, Map.of("valid", true, "paymentId", request.get("paymentId").asString(), "userId", "user-of-test"));
        }
    }

    private static void answer(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}

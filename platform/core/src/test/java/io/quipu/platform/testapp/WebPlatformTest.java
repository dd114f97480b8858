package io.quipu.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.observation.SecurityObservationSettings;

import io.quipu.platform.test.EmbeddedInfrastructure;
import io.quipu.platform.test.TestHttp;
import io.quipu.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@EmbeddedInfrastructure(database = "platform_test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WebPlatformTest {

    private static final String ORDER = """
            {"amount":{"amount":"1250.00","currency":"PEN"},"kind":"STANDARD","reference":"%s","quantity":2}""";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTestApplication.ObservedNames observed;
    @Autowired
    SecurityObservationSettings securityObservations;

    private final JsonMapper json = JsonMapper.builder().build();
    private TestHttp http;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port, TestTokens.get().customer(UUID.randomUUID(), "platform-test", "orders:write"));
    }

    @Test
    void malformedJsonIsA400ProblemWithAStableCode() {
        HttpResponse<String> response = http.post("/test/orders", "{\"amount\": ");
        assertProblem(response, 400, "malformed_json");
    }

    @Test
    void wrongTypesAndUnknownEnumValuesNameTheField() {
        JsonNode wrongType = assertProblem(http.post("/test/orders",
                "{\"amount\":{\"amount\":\"1.00\",\"currency\":\"PEN\"},\"kind\":\"STANDARD\",\"reference\":\"x\",\"quantity\":\"many\"}"),
                400, "validation_failed");
        assertThat(wrongType.get("errors").get(0).get("field").asString()).isEqualTo("quantity");

        JsonNode unknownEnum = assertProblem(http.post("/test/orders", ORDER.formatted("x").replace("STANDARD", "OVERNIGHT")),
                400, "validation_failed");
        assertThat(unknownEnum.get("errors").get(0).get("field").asString()).isEqualTo("kind");
        assertThat(unknownEnum.get("errors").get(0).get("message").asString()).contains("STANDARD", "EXPRESS");
    }

    @Test
    void moneyAsAJsonNumberOrWithTooManyDecimalsIsRefused() {
        assertProblem(http.post("/test/orders", ORDER.formatted("x").replace("\"1250.00\"", "1250.00")), 400, "validation_failed");
        assertProblem(http.post("/test/orders", ORDER.formatted("x").replace("1250.00", "1250.001")), 400, "validation_failed");
    }

    @Test
    void beanValidationFailuresListEveryField() {
        JsonNode problem = assertProblem(http.post("/test/orders", "{\"kind\":\"STANDARD\",\"reference\":\"\",\"quantity\":0}"),
                400, "validation_failed");
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(error -> fields.add(error.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("amount", "reference", "quantity");
    }

    @Test
    void oversizedBodiesAre413WithOrWithoutAContentLength() {
        String large = "\"" + "x".repeat(70_000) + "\"";
        assertProblem(http.post("/test/echo-length", large), 413, "body_too_large");
        HttpRequest chunked = http.builder("/test/echo-length")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(large.getBytes())))
                .build();
        assertProblem(http.send(chunked), 413, "body_too_large");
        assertThat(http.post("/test/echo-length", "\"small\"").statusCode()).isEqualTo(200);
    }

    @Test
    void notFoundMalformedIdsAndUnknownPathsAreProblems() {
        assertProblem(http.get("/test/orders/" + UUID.randomUUID()), 404, "order_not_found");
        JsonNode malformed = assertProblem(http.get("/test/orders/not-a-uuid"), 400, "invalid_parameter");
        assertThat(malformed.get("errors").get(0).get("field").asString()).isEqualTo("id");
        assertProblem(http.get("/no/such/path"), 404, "not_found");
        assertProblem(http.send(http.builder("/test/orders").DELETE().build()), 405, "method_not_allowed");
    }

    @Test
    void tokensAreCheckedForSignatureIssuerAudienceAndExpiry() {
        TestTokens tokens = TestTokens.get();
        assertThat(new TestHttp(port, tokens.service("ledger", "platform-test", "x")).get("/test/whoami").body()).contains("ledger");
        assertProblem(new TestHttp(port, null).get("/test/whoami"), 401, "unauthenticated");
        assertProblem(new TestHttp(port, tokens.service("ledger", "another-service")).get("/test/whoami"), 401, "unauthenticated");
        long now = Instant.now().getEpochSecond();
        assertProblem(new TestHttp(port, tokens.custom(Map.of("iss", TestTokens.ISSUER, "sub", "late", "aud", "platform-test",
                "iat", now - 3600, "exp", now - 1800), false)).get("/test/whoami"), 401, "unauthenticated");
        assertProblem(new TestHttp(port, tokens.custom(Map.of("iss", "https://evil.example", "sub", "x", "aud", "platform-test",
                "iat", now, "exp", now + 600), false)).get("/test/whoami"), 401, "unauthenticated");
        assertProblem(new TestHttp(port, tokens.custom(Map.of("iss", TestTokens.ISSUER, "sub", "forger", "aud", "platform-test",
                "iat", now, "exp", now + 600), true)).get("/test/whoami"), 401, "unauthenticated");
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    @Test
    void aRequestIsObservedOnceNotOncePerSecurityFilter() {
        int before = observed.names().size();
        assertThat(http.get("/test/whoami").statusCode()).isEqualTo(200);

        List<String> names = observed.names().subList(before, observed.names().size());
        assertThat(names).contains("http.server.requests");
        assertThat(names).noneMatch(name -> name.startsWith("spring.security"));
        // Switched off by property, Spring Security's observations are no-ops, but each filter would still be wrapped
        // in one on every request when a tracing or metrics handler is registered; these settings stop the wrapping.
        assertThat(securityObservations.shouldObserveRequests()).isFalse();
        assertThat(securityObservations.shouldObserveAuthentications()).isFalse();
        assertThat(securityObservations.shouldObserveAuthorizations()).isFalse();
    }

    @Test
    void idempotencyKeyReplaysTheFirstResponseAndRefusesADifferentBody() {
        String reference = "replay-" + shortId();
        HttpResponse<String> first = http.post("/test/orders", ORDER.formatted(reference), "Idempotency-Key", reference);
        HttpResponse<String> again = http.post("/test/orders", ORDER.formatted(reference), "Idempotency-Key", reference);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(executions(reference)).isEqualTo(1);

        HttpResponse<String> conflicting = http.post("/test/orders", ORDER.formatted(reference).replace("1250.00", "9.99"),
                "Idempotency-Key", reference);
        assertProblem(conflicting, 422, "idempotency_key_reused");
        assertThat(executions(reference)).isEqualTo(1);
    }

    @Test
    void idempotencyKeysAreScopedToTheCaller() {
        String reference = "scoped-" + shortId();
        TestHttp otherCustomer = new TestHttp(port, TestTokens.get().customer(UUID.randomUUID(), "platform-test"));
        assertThat(http.post("/test/orders", ORDER.formatted(reference), "Idempotency-Key", "shared-key-1").statusCode()).isEqualTo(201);
        HttpResponse<String> other = otherCustomer.post("/test/orders", ORDER.formatted(reference), "Idempotency-Key", "shared-key-1");
        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(other.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(executions(reference)).isEqualTo(2);
    }

    @Test
    void concurrentDuplicatesExecuteOnceAndAllGetTheSameAnswer() throws Exception {
        String reference = "concurrent-" + shortId();
        int callers = 12;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(() -> http.post("/test/orders", ORDER.formatted(reference), "Idempotency-Key", reference));
            }
            List<String> bodies = new ArrayList<>();
            for (Future<HttpResponse<String>> future : pool.invokeAll(calls)) {
                HttpResponse<String> response = future.get();
                assertThat(response.statusCode()).isEqualTo(201);
                bodies.add(response.body());
            }
            assertThat(bodies).containsOnly(bodies.get(0));
            assertThat(executions(reference)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void invalidIdempotencyKeysAreRefused() {
        assertProblem(http.post("/test/orders", ORDER.formatted("k"), "Idempotency-Key", "x".repeat(200)), 400, "invalid_idempotency_key");
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 13);
    }

    private long executions(String reference) {
        return jdbc.sql("select count(*) from orders where reference = :reference").param("reference", reference)
                .query(Long.class).single();
    }

    private JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        return problem;
    }
}

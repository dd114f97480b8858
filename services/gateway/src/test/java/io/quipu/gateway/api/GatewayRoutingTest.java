package io.quipu.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.quipu.gateway.domain.BackendService;
import io.quipu.gateway.domain.BackendServices;
import io.quipu.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The gateway over real HTTP, in front of a real HTTP server standing in for the ledger. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "quipu.gateway.response-timeout=1s")
@AutoConfigureTracing
class GatewayRoutingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

    private static final BackendStub LEDGER = new BackendStub();
    private static final int CLOSED_PORT = closedPort();
    private static final String BEARER_TOKEN = TestTokens.get().customer(UUID.randomUUID(), "gateway", "ledger:read");

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("quipu.services.ledger.url", LEDGER::baseUrl);
        registry.add("quipu.services.payments.url", () -> "http://127.0.0.1:" + CLOSED_PORT);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> TestTokens.get().jwkSetUri());
        registry.add("quipu.security.issuer", () -> TestTokens.ISSUER);
    }

    @AfterAll
    static void stopBackend() {
        LEDGER.close();
    }

    @Test
    void serverSentEventsPassThroughAsTheyComeAndOutliveTheResponseTimeout() throws Exception {
        long started = System.nanoTime();
        HttpResponse<java.util.stream.Stream<String>> stream = client.send(request("/api/ledger/stream")
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        java.util.Iterator<String> lines = stream.body().iterator();
        assertThat(lines.next()).isEqualTo("data: first");
        // The first event arrives at once, not when the stream ends (nothing buffers it on the way).
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(BackendStub.STREAM_PAUSE_MILLIS));
        assertThat(lines.next()).isEmpty();
        // The second comes after longer than quipu.gateway.response-timeout (1 s here): a stream is not cut by it.
        assertThat(lines.next()).isEqualTo("data: second");
    }

    @Test
    void forwardsToTheServiceWithoutThePrefixKeepingQueryHeadersAndResponse() throws Exception {
        HttpResponse<String> response = send(request("/api/ledger/accounts/42/entries?currency=PEN&page=2&q=a%20b")
                .header("Accept", "application/json").header("X-Custom", "kept").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Backend")).contains("ledger-stub");
        assertThat(JSON.readTree(response.body()).get("path").asString()).isEqualTo("/accounts/42/entries");
        BackendStub.ReceivedRequest received = LEDGER.lastRequest();
        assertThat(received.method()).isEqualTo("GET");
        assertThat(received.path()).isEqualTo("/accounts/42/entries");
        assertThat(received.query()).isEqualTo("currency=PEN&page=2&q=a%20b");
        assertThat(received.header("X-Custom")).isEqualTo("kept");
        assertThat(received.header("Accept")).isEqualTo("application/json");
    }

    @Test
    void forwardsTheBodyAndTheServicesStatus() throws Exception {
        String transfer = "{\"transferId\":\"0197\",\"amount\":\"1250.00\",\"currency\":\"PEN\",\"note\":\"café\"}";
        HttpResponse<String> response = send(request("/api/ledger/transfers")
                .header("Content-Type", "application/json").header("Idempotency-Key", "key-123456")
                .POST(HttpRequest.BodyPublishers.ofString(transfer, StandardCharsets.UTF_8)));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).contains("/transfers/42");
        BackendStub.ReceivedRequest received = LEDGER.lastRequest();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.path()).isEqualTo("/transfers");
        assertThat(received.body()).isEqualTo(transfer);
        assertThat(received.header("Content-Type")).startsWith("application/json");
        assertThat(received.header("Idempotency-Key")).isEqualTo("key-123456");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "PATCH", "DELETE"})
    void forwardsEveryMethod(String method) throws Exception {
        HttpRequest.BodyPublisher body = "DELETE".equals(method) ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString("{\"status\":\"closed\"}");
        HttpResponse<String> response = send(request("/api/ledger/accounts/7").header("Content-Type", "application/json")
                .method(method, body));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(LEDGER.lastRequest().method()).isEqualTo(method);
        assertThat(LEDGER.lastRequest().path()).isEqualTo("/accounts/7");
        assertThat(LEDGER.lastRequest().body()).isEqualTo("DELETE".equals(method) ? "" : "{\"status\":\"closed\"}");
    }

    @Test
    void passesTheServicesErrorsOnUnchanged() throws Exception {
        HttpResponse<String> response = send(request("/api/ledger/missing").GET());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("account_not_found");
    }

    @Test
    void forwardsTheCallersRequestIdAndContinuesTheCallersTrace() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        HttpResponse<String> response = send(request("/api/ledger/accounts")
                .header("X-Request-Id", "req-0123456789")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("X-Request-Id")).containsExactly("req-0123456789");
        BackendStub.ReceivedRequest received = LEDGER.lastRequest();
        assertThat(received.headerValues("X-Request-Id")).containsExactly("req-0123456789");
        assertThat(received.headerValues("traceparent")).hasSize(1);
        Matcher traceparent = TRACEPARENT.matcher(received.header("traceparent"));
        assertThat(traceparent.matches()).as(received.header("traceparent")).isTrue();
        assertThat(traceparent.group(1)).as("same trace").isEqualTo(traceId);
        assertThat(traceparent.group(2)).as("the gateway's own span").isNotEqualTo("00f067aa0ba902b7");
    }

    @Test
    void givesTheServiceARequestIdAndATraceWhenTheCallerHasNone() throws Exception {
        HttpResponse<String> response = send(request("/api/ledger/accounts").GET());

        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        BackendStub.ReceivedRequest received = LEDGER.lastRequest();
        assertThat(received.headerValues("X-Request-Id")).containsExactly(requestId);
        assertThat(received.header("traceparent")).matches(TRACEPARENT);
    }

    @Test
    void replacesARequestIdThatIsNotAcceptableByTheGatewaysOwn() throws Exception {
        HttpResponse<String> response = send(request("/api/ledger/accounts").header("X-Request-Id", "not acceptable!").GET());

        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(requestId).isNotEqualTo("not acceptable!");
        assertThat(LEDGER.lastRequest().headerValues("X-Request-Id")).containsExactly(requestId);
    }

    @Test
    void refusesABodyOverTheLimitWith413EvenWithoutAContentLength() throws Exception {
        byte[] twoMegabytes = new byte[2 * 1024 * 1024];
        HttpResponse<String> response = send(request("/api/ledger/transfers").header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(twoMegabytes))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("body_too_large");
    }

    @Test
    void answers503ProblemDetailsQuicklyWhenTheServiceIsDown() throws Exception {
        long startNanos = System.nanoTime();
        HttpResponse<String> response = send(request("/api/payments/orders").GET());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo("service_unavailable");
        assertThat(problem.get("detail").asString()).isEqualTo("The payments service is not available right now.");
        assertThat(problem.get("status").asInt()).isEqualTo(503);
        assertThat(elapsed).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void answers503WhenTheServiceDoesNotAnswerInTime() throws Exception {
        long startNanos = System.nanoTime();
        HttpResponse<String> response = send(request("/api/ledger/slow").GET());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNanos);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(response.body()).get("detail").asString()).isEqualTo("The ledger service is not available right now.");
        assertThat(elapsed).as("the response timeout is 1s, the stub answers after 4s")
                .isLessThan(Duration.ofMillis(BackendStub.SLOW_RESPONSE_MILLIS - 1_000));
    }

    @Test
    void answers404ProblemDetailsForAServiceThatDoesNotExist() throws Exception {
        for (String path : List.of("/api/xyz/accounts", "/api", "/api/", "/api/ledgers/accounts")) {
            HttpResponse<String> response = send(request(path).GET());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("unknown_service");
        }
    }

    @Test
    void servesEachServicesApiDocumentWithTheGatewayAsItsServer() throws Exception {
        HttpResponse<String> response = send(request("/api/ledger/v3/api-docs").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(LEDGER.lastRequest().path()).isEqualTo("/v3/api-docs");
        JsonNode document = JSON.readTree(response.body());
        assertThat(document.get("info").get("title").asString()).isEqualTo("ledger");
        assertThat(document.get("paths").has("/accounts")).isTrue();
        assertThat(document.get("servers")).hasSize(1);
        assertThat(document.get("servers").get(0).get("url").asString()).isEqualTo("/api/ledger");

        HttpResponse<String> unavailable = send(request("/api/payments/v3/api-docs").GET());
        assertThat(unavailable.statusCode()).isEqualTo(503);
    }

    @Test
    void listsEveryServiceInTheSwaggerUi() throws Exception {
        HttpResponse<String> config = send(request("/v3/api-docs/swagger-config").GET());
        assertThat(config.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        JSON.readTree(config.body()).get("urls").forEach(url -> {
            names.add(url.get("name").asString());
            urls.add(url.get("url").asString());
        });
        List<String> expectedNames = new ArrayList<>(List.of("gateway"));
        List<String> expectedUrls = new ArrayList<>(List.of("/v3/api-docs"));
        for (BackendService service : BackendServices.ALL) {
            expectedNames.add(service.name());
            expectedUrls.add("/api/" + service.name() + "/v3/api-docs");
        }
        assertThat(names).containsExactlyInAnyOrderElementsOf(expectedNames);
        assertThat(urls).containsExactlyInAnyOrderElementsOf(expectedUrls);
        assertThat(JSON.readTree(config.body()).get("urls.primaryName").asString()).isEqualTo("gateway");

        HttpResponse<String> swaggerUi = send(request("/swagger-ui.html").GET());
        assertThat(swaggerUi.statusCode()).isEqualTo(302);
        String location = swaggerUi.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port).resolve(location)).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");

        HttpResponse<String> initializer = send(request("/swagger-ui/swagger-initializer.js").GET());
        assertThat(initializer.body()).contains("/v3/api-docs/swagger-config");
    }

    @Test
    void servesItsOwnApiDocument() throws Exception {
        HttpResponse<String> response = send(request("/v3/api-docs").GET());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = JSON.readTree(response.body());
        assertThat(document.get("openapi").asString()).startsWith("3.");
        assertThat(document.get("info").get("title").asString()).isEqualTo("Quipu gateway");
        assertThat(document.path("paths").has("/error")).isFalse();
    }

    @Test
    void exposesHealthProbes() throws Exception {
        assertThat(send(request("/actuator/health/readiness").GET()).statusCode()).isEqualTo(200);
        assertThat(send(request("/actuator/health/liveness").GET()).statusCode()).isEqualTo(200);
    }

    /** A request as a mobile app sends it: with a customer's bearer token, which the gateway checks and passes on. */
    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + BEARER_TOKEN);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A port nothing listens on: connecting to it is refused at once, like a stopped service. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

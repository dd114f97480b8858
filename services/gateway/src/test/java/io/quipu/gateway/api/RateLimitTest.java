package io.quipu.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.quipu.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Rate limits with tiny settings: 3 login attempts per address, 4 requests per client, per hour. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "quipu.gateway.rate-limits.authentication-per-ip.requests=3",
        "quipu.gateway.rate-limits.authentication-per-ip.period=1h",
        "quipu.gateway.rate-limits.per-client.requests=4",
        "quipu.gateway.rate-limits.per-client.period=1h"})
class RateLimitTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final StandIns STAND_INS = new StandIns();
    private static final BackendStub LEDGER = STAND_INS.ledger;
    private static final IdentityStandIn IDENTITY = STAND_INS.identity;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        STAND_INS.register(registry);
    }

    @AfterAll
    static void stopStandIns() {
        STAND_INS.close();
    }

    @Test
    void loginAttemptsFromOneAddressAreLimitedOnEveryLoginPathTogether() throws Exception {
        Browser browser = new Browser(port);
        browser.get("/bff/session");
        String wrongPassword = "{\"username\":\"demo.ana\",\"password\":\"guess\"}";
        assertThat(browser.post("/bff/login", wrongPassword).statusCode()).isEqualTo(401);
        assertThat(browser.post("/bff/login", wrongPassword).statusCode()).isEqualTo(401);
        assertThat(send(browser, "/api/identity/auth/login", wrongPassword).statusCode()).isEqualTo(401);

        List<HttpResponse<String>> overTheLimit = List.of(browser.post("/bff/login", wrongPassword),
                send(browser, "/api/identity/auth/login", wrongPassword), browser.post("/bff/verify-otp", "{\"otp\":\"123456\"}"));
        for (HttpResponse<String> limited : overTheLimit) {
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(limited.body());
            assertThat(problem.get("code").asString()).isEqualTo("rate_limited");
            long retryAfterSeconds = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
            assertThat(retryAfterSeconds).as("one attempt comes back every 20 minutes").isBetween(1L, 1_200L);
            assertThat(limited.headers().firstValue("X-Frame-Options")).contains("DENY");
        }
        assertThat(IDENTITY.loginUsernames()).as("limited attempts never reach identity").hasSize(3);

        assertThat(browser.get("/bff/session").statusCode()).as("other paths have their own limit").isEqualTo(401);
        // A logged-in customer's step-up is not a login: it has the general limits (here: no session, so 401, not 429).
        assertThat(send(browser, "/api/identity/auth/step-up", "{}").statusCode()).isNotEqualTo(429);
    }

    @Test
    void eachClientHasItsOwnBudget() throws Exception {
        String first = TestTokens.get().service("agent-network", "ledger", "ledger:read");
        String second = TestTokens.get().customer(UUID.randomUUID(), "gateway", "ledger:read");
        for (int request = 0; request < 4; request++) {
            assertThat(bearer(first).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = bearer(first);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(JSON.readTree(limited.body()).get("code").asString()).isEqualTo("rate_limited");
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();

        assertThat(bearer(second).statusCode()).as("another client, same address").isEqualTo(200);
    }

    private HttpResponse<String> bearer(String token) {
        Browser client = new Browser(port);
        return client.send(client.request("/api/ledger/accounts").header("Authorization", "Bearer " + token).GET());
    }

    private static HttpResponse<String> send(Browser browser, String path, String json) {
        return browser.send(browser.request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }
}

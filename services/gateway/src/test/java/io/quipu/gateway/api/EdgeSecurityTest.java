package io.quipu.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.quipu.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's edge security over real HTTP: the web app's login through a stand-in identity with the tokens kept in
 * the session, token relay and refresh, CSRF, bearer tokens of mobile apps and partners, and the security headers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Every test logs in from 127.0.0.1: the limits are RateLimitTest's subject, not this one's.
        properties = "quipu.gateway.rate-limits.authentication-per-ip.requests=10000")
class EdgeSecurityTest {

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

    @BeforeEach
    void resetIdentity() {
        IDENTITY.reset();
    }

    // --- the web app: backend-for-frontend ------------------------------------------------------------------------

    @Test
    void theWebAppLogsInWithPasswordAndCodeAndCallsAServiceWithoutEverSeeingAToken() throws Exception {
        Browser browser = new Browser(port);

        HttpResponse<String> anonymous = browser.get("/bff/session");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(problemCode(anonymous)).isEqualTo("not_logged_in");
        String csrfCookie = setCookie(anonymous, "XSRF-TOKEN");
        assertThat(csrfCookie).as("the web app reads it").doesNotContainIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");

        HttpResponse<String> login = browser.post("/bff/login", "{\"username\":\"demo.ana\",\"password\":\"" + IdentityStandIn.PASSWORD + "\"}");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        JsonNode challenge = JSON.readTree(login.body());
        assertThat(challenge.get("requireMfa").asBoolean()).isTrue();
        assertThat(challenge.get("factors").get(0).asString()).isEqualTo("otp");
        assertThat(challenge.has("loginId")).as("the login id stays in the session").isFalse();
        assertThat(IDENTITY.loginUsernames()).containsExactly("demo.ana");
        String sessionCookie = setCookie(login, "QUIPU_SESSION");
        assertThat(sessionCookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict")
                .as("Secure by default; only the local profile turns it off").containsIgnoringCase("Secure");
        String sessionBeforeCode = browser.cookie("QUIPU_SESSION").orElseThrow();

        HttpResponse<String> verified = browser.post("/bff/verify-otp", "{\"otp\":\"" + IdentityStandIn.OTP + "\"}");
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(JSON.readTree(verified.body()).get("customerId").asString()).isEqualTo(IdentityStandIn.CUSTOMER_ID);
        assertThat(browser.cookie("QUIPU_SESSION")).as("a new session id after the login (no fixation)").isNotEqualTo(
                java.util.Optional.of(sessionBeforeCode));
        String accessToken = IDENTITY.issuedAccessTokens().get(0);
        assertNoTokenIn(verified, accessToken);

        HttpResponse<String> session = browser.get("/bff/session");
        assertThat(session.statusCode()).isEqualTo(200);
        JsonNode who = JSON.readTree(session.body());
        assertThat(who.get("subject").asString()).isEqualTo(IdentityStandIn.CUSTOMER_ID);
        assertThat(Instant.parse(who.get("accessTokenExpiresAt").asString())).isAfter(Instant.now());
        assertNoTokenIn(session, accessToken);

        HttpResponse<String> accounts = browser.get("/api/ledger/accounts/relayed");
        assertThat(accounts.statusCode()).as(accounts.body()).isEqualTo(200);
        assertThat(accounts.headers().allValues("Set-Cookie")).as("the session and its CSRF token stay as they are").isEmpty();
        BackendStub.ReceivedRequest received = LEDGER.lastRequest();
        assertThat(received.path()).isEqualTo("/accounts/relayed");
        assertThat(received.headerValues("Authorization")).containsExactly("Bearer " + accessToken);
        assertThat(received.header("Cookie")).as("services authenticate by token only").isNull();
        assertNoTokenIn(accounts, accessToken);

        HttpResponse<String> transfer = browser.post("/api/ledger/transfers", "{\"amount\":\"1.00\"}");
        assertThat(transfer.statusCode()).as("a POST with the CSRF header goes through: " + transfer.body()).isEqualTo(201);
        assertThat(LEDGER.lastRequest().headerValues("Authorization")).containsExactly("Bearer " + accessToken);
    }

    @Test
    void identitysRefusalsReachTheWebAppAsProblems() throws Exception {
        Browser browser = new Browser(port);
        browser.get("/bff/session");

        HttpResponse<String> wrongPassword = browser.post("/bff/login", "{\"username\":\"demo.ana\",\"password\":\"wrong-password\"}");
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(problemCode(wrongPassword)).isEqualTo("invalid_credentials");

        HttpResponse<String> codeWithoutLogin = browser.post("/bff/verify-otp", "{\"otp\":\"123456\"}");
        assertThat(codeWithoutLogin.statusCode()).isEqualTo(409);
        assertThat(problemCode(codeWithoutLogin)).isEqualTo("no_pending_login");

        HttpResponse<String> missingPassword = browser.post("/bff/login", "{\"username\":\"demo.ana\"}");
        assertThat(missingPassword.statusCode()).isEqualTo(400);
        assertThat(problemCode(missingPassword)).isEqualTo("validation_failed");

        HttpResponse<String> notJson = browser.post("/bff/login", "{\"username\":");
        assertThat(notJson.statusCode()).isEqualTo(400);

        browser.post("/bff/login", "{\"username\":\"demo.ana\",\"password\":\"" + IdentityStandIn.PASSWORD + "\"}");
        HttpResponse<String> badCode = browser.post("/bff/verify-otp", "{\"otp\":\"12345x\"}");
        assertThat(badCode.statusCode()).isEqualTo(400);
        HttpResponse<String> wrongCode = browser.post("/bff/verify-otp", "{\"otp\":\"654321\"}");
        assertThat(wrongCode.statusCode()).isEqualTo(401);
        assertThat(problemCode(wrongCode)).isEqualTo("invalid_otp");
        assertThat(browser.get("/bff/session").statusCode()).isEqualTo(401);
    }

    @Test
    void aStateChangingRequestWithTheCookieButWithoutTheCsrfHeaderIsRefused() throws Exception {
        Browser browser = new Browser(port);
        browser.logIn();

        HttpResponse<String> forged = browser.postWithoutCsrfHeader("/api/ledger/transfers/forged", "{\"amount\":\"999.00\"}");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(problemCode(forged)).isEqualTo("csrf_token_invalid");
        assertThat(LEDGER.lastRequest() == null ? null : LEDGER.lastRequest().path()).isNotEqualTo("/transfers/forged");

        HttpResponse<String> wrongToken = browser.send(browser.request("/bff/logout").header("X-XSRF-TOKEN", "guessed")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(browser.get("/bff/session").statusCode()).as("still logged in").isEqualTo(200);

        HttpResponse<String> loginWithoutHeader = new Browser(port).postWithoutCsrfHeader("/bff/login",
                "{\"username\":\"demo.ana\",\"password\":\"" + IdentityStandIn.PASSWORD + "\"}");
        assertThat(loginWithoutHeader.statusCode()).isEqualTo(403);
    }

    @Test
    void aNearlyExpiredAccessTokenIsRefreshedBeforeItIsRelayedAndTheRotatedRefreshTokenIsKept() throws Exception {
        IDENTITY.accessTokenLifetimes(30, 30);
        Browser browser = new Browser(port);
        browser.logIn();

        String refreshTokenOfTheLogin = IDENTITY.refreshTokensIssued().get(0);

        assertThat(browser.get("/api/ledger/accounts/first").statusCode()).isEqualTo(200);
        assertThat(IDENTITY.refreshTokensReceived()).containsExactly(refreshTokenOfTheLogin);
        assertThat(LEDGER.lastRequest().headerValues("Authorization")).containsExactly("Bearer " + IDENTITY.issuedAccessTokens().get(1));

        assertThat(browser.get("/api/ledger/accounts/second").statusCode()).isEqualTo(200);
        assertThat(IDENTITY.refreshTokensReceived()).as("the second refresh presents the rotated token")
                .containsExactly(refreshTokenOfTheLogin, IDENTITY.refreshTokensIssued().get(1));
        assertThat(LEDGER.lastRequest().headerValues("Authorization")).containsExactly("Bearer " + IDENTITY.issuedAccessTokens().get(2));
    }

    @Test
    void requestsArrivingTogetherRefreshOnlyOnce() throws Exception {
        IDENTITY.accessTokenLifetimes(30, 600);
        Browser browser = new Browser(port);
        browser.logIn();

        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int request = 0; request < 5; request++) {
                responses.add(pool.submit(() -> browser.get("/api/ledger/accounts/together")));
            }
            for (Future<HttpResponse<String>> response : responses) {
                assertThat(response.get().statusCode()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(IDENTITY.refreshTokensReceived()).as("a refresh token is single use").hasSize(1);
    }

    @Test
    void aRefusedRefreshEndsTheSessionWith401() throws Exception {
        IDENTITY.accessTokenLifetimes(30, 600);
        IDENTITY.refuseRefresh();
        Browser browser = new Browser(port);
        browser.logIn();

        HttpResponse<String> response = browser.get("/api/ledger/accounts/after-refusal");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(problemCode(response)).isEqualTo("session_expired");
        assertThat(browser.get("/bff/session").statusCode()).isEqualTo(401);
        assertThat(browser.get("/api/ledger/accounts/after-refusal").statusCode()).isEqualTo(401);
    }

    @Test
    void anIdentityThatCannotRefreshIsA503AndTheSessionIsKept() throws Exception {
        IDENTITY.accessTokenLifetimes(30, 600);
        IDENTITY.failRefresh(true);
        Browser browser = new Browser(port);
        browser.logIn();

        HttpResponse<String> response = browser.get("/api/ledger/accounts/identity-down");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(problemCode(response)).isEqualTo("service_unavailable");
        assertThat(browser.get("/bff/session").statusCode()).as("the login is not lost").isEqualTo(200);

        IDENTITY.failRefresh(false);
        assertThat(browser.get("/api/ledger/accounts/identity-back").statusCode()).isEqualTo(200);
        assertThat(IDENTITY.refreshTokensReceived()).as("the same refresh token, still unspent, the second time")
                .containsExactly(IDENTITY.refreshTokensIssued().get(0), IDENTITY.refreshTokensIssued().get(0));
    }

    @Test
    void logoutRevokesTheLoginAtIdentityAndEndsTheSession() throws Exception {
        Browser browser = new Browser(port);
        browser.logIn();
        String cookieOfTheSession = browser.cookie("QUIPU_SESSION").orElseThrow();

        HttpResponse<String> logout = browser.post("/bff/logout", "");
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(IDENTITY.logoutTokensReceived()).hasSize(1).allSatisfy(token -> assertThat(token).startsWith("refresh-"));
        assertThat(browser.get("/bff/session").statusCode()).isEqualTo(401);

        HttpResponse<String> replayed = new Browser(port).send(new Browser(port).request("/api/ledger/accounts")
                .header("Cookie", "QUIPU_SESSION=" + cookieOfTheSession).GET());
        assertThat(replayed.statusCode()).isEqualTo(401);
        assertThat(problemCode(replayed)).isEqualTo("unauthenticated");
    }

    // --- mobile apps and partners: bearer tokens ------------------------------------------------------------------

    @Test
    void aValidBearerTokenIsPassedOnUnchangedAndNeedsNoCsrfHeader() throws Exception {
        String token = TestTokens.get().customer(UUID.randomUUID(), "gateway", "ledger:write");
        HttpResponse<String> response = bearer("/api/ledger/transfers/mobile", token, "POST");

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(LEDGER.lastRequest().path()).isEqualTo("/transfers/mobile");
        assertThat(LEDGER.lastRequest().headerValues("Authorization")).containsExactly("Bearer " + token);
        assertThat(response.headers().allValues("Set-Cookie")).as("no session for bearer clients").noneMatch(cookie -> cookie.startsWith("QUIPU_SESSION"));
    }

    @Test
    void aPartnersTokenForTheRoutesServiceIsAcceptedAndForAnotherServiceIsNot() throws Exception {
        String ledgerPartner = TestTokens.get().service("agent-network", "ledger", "ledger:write");
        assertThat(bearer("/api/ledger/accounts/partner", ledgerPartner, "GET").statusCode()).isEqualTo(200);

        String paymentsPartner = TestTokens.get().service("agent-network", "payments", "payments:write");
        HttpResponse<String> elsewhere = bearer("/api/ledger/accounts/partner", paymentsPartner, "GET");
        assertThat(elsewhere.statusCode()).isEqualTo(401);
        assertThat(problemCode(elsewhere)).isEqualTo("unauthenticated");
    }

    @Test
    void expiredForgedWrongIssuerAndWrongAudienceTokensAndNoTokenAre401Problems() throws Exception {
        long now = Instant.now().getEpochSecond();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired", TestTokens.get().custom(claims(TestTokens.ISSUER, List.of("gateway"), now - 900, now - 300), false));
        tokens.put("forged", TestTokens.get().custom(claims(TestTokens.ISSUER, List.of("gateway"), now, now + 600), true));
        tokens.put("wrong issuer", TestTokens.get().custom(claims("http://someone-else", List.of("gateway"), now, now + 600), false));
        tokens.put("wrong audience", TestTokens.get().custom(claims(TestTokens.ISSUER, List.of("loans"), now, now + 600), false));
        tokens.put("not a JWT", "not-a-jwt");
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            HttpResponse<String> response = bearer("/api/ledger/accounts/refused", token.getValue(), "GET");
            assertThat(response.statusCode()).as(token.getKey()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).as(token.getKey())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(problemCode(response)).as(token.getKey()).isEqualTo("unauthenticated");
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(token.getKey()).hasValueSatisfying(
                    value -> assertThat(value).startsWith("Bearer"));
        }
        HttpResponse<String> none = new Browser(port).get("/api/ledger/accounts/refused");
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(problemCode(none)).isEqualTo("unauthenticated");
        assertThat(new Browser(port).get("/api/sandbox/sms/latest-otp").statusCode()).as("outside the local profile").isEqualTo(401);
    }

    @Test
    void theLoginPathsAndApiDocumentsNeedNoToken() throws Exception {
        Browser mobile = new Browser(port);
        HttpResponse<String> login = mobile.send(mobile.request("/api/identity/auth/login")
                // An expired token still attached is ignored there, as identity ignores it.
                .header("Authorization", "Bearer not-a-jwt")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"demo.ana\",\"password\":\"" + IdentityStandIn.PASSWORD + "\"}")));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(JSON.readTree(login.body()).has("loginId")).as("mobile apps talk to identity directly").isTrue();

        assertThat(mobile.get("/api/ledger/v3/api-docs").statusCode()).isEqualTo(200);
    }

    // --- headers ---------------------------------------------------------------------------------------------------

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        Browser browser = new Browser(port);
        String token = TestTokens.get().customer(UUID.randomUUID(), "gateway");
        List<HttpResponse<String>> responses = List.of(browser.get("/bff/session"), browser.get("/api/ledger/accounts/no-token"),
                bearer("/api/ledger/accounts/with-token", token, "GET"), browser.get("/v3/api-docs"));
        for (HttpResponse<String> response : responses) {
            String what = response.request().uri().getPath();
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as(what).contains("max-age=31536000; includeSubDomains");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(what).contains("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(what).contains("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(what).contains("no-referrer");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(what).hasValueSatisfying(policy -> assertThat(policy)
                    .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'")
                    .doesNotContain("unsafe-inline"));
        }
        HttpResponse<String> fromAService = bearer("/api/ledger/accounts/with-security-headers", token, "GET");
        assertThat(fromAService.headers().allValues("X-Frame-Options")).containsExactly("DENY");
        assertThat(fromAService.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(fromAService.headers().allValues("Cache-Control")).containsExactly("no-store");
        assertThat(fromAService.headers().allValues("Content-Security-Policy")).hasSize(1);

        HttpResponse<String> swaggerUi = browser.get("/swagger-ui/index.html");
        assertThat(swaggerUi.statusCode()).isEqualTo(200);
        assertThat(swaggerUi.headers().allValues("Content-Security-Policy")).singleElement().satisfies(policy -> assertThat(policy)
                .contains("style-src 'self' 'unsafe-inline'", "frame-ancestors 'none'"));
    }

    private HttpResponse<String> bearer(String path, String token, String method) {
        Browser client = new Browser(port);
        return client.send(client.request(path).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, "GET".equals(method) ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}")));
    }

    private static Map<String, Object> claims(String issuer, List<String> audience, long issuedAtSeconds, long expiresAtSeconds) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", UUID.randomUUID().toString());
        claims.put("aud", audience);
        claims.put("iat", issuedAtSeconds);
        claims.put("exp", expiresAtSeconds);
        claims.put("scope", "ledger:read");
        return claims;
    }

    @Test
    void theWebAppCanLogInWithAPasskeyInsteadOfTheCode() throws Exception {
        Browser browser = new Browser(port);
        browser.get("/bff/session");
        assertThat(browser.post("/bff/passkey/options", "").statusCode()).as("no login yet").isEqualTo(409);
        assertThat(browser.post("/bff/login", "{\"username\":\"demo.ana\",\"password\":\"" + IdentityStandIn.PASSWORD + "\"}")
                .statusCode()).isEqualTo(200);

        HttpResponse<String> options = browser.post("/bff/passkey/options", "");
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        assertThat(JSON.readTree(options.body()).get("publicKey").get("challenge").asString()).isEqualTo(IdentityStandIn.PASSKEY_CHALLENGE);

        assertThat(browser.post("/bff/passkey", "{\"credential\":\"not an object\"}").statusCode()).isEqualTo(400);
        HttpResponse<String> forged = browser.post("/bff/passkey", "{\"credential\":{\"id\":\"x\",\"response\":{\"signature\":\"forged\"}}}");
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(problemCode(forged)).isEqualTo("invalid_passkey");

        HttpResponse<String> signed = browser.post("/bff/passkey", "{\"credential\":{\"id\":\"x\",\"response\":{\"signature\":\""
                + IdentityStandIn.PASSKEY_SIGNATURE + "\"}}}");
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);
        assertThat(JSON.readTree(signed.body()).get("customerId").asString()).isEqualTo(IdentityStandIn.CUSTOMER_ID);
        assertNoTokenIn(signed, IDENTITY.issuedAccessTokens().get(IDENTITY.issuedAccessTokens().size() - 1));
        assertThat(browser.get("/api/ledger/accounts/relayed").statusCode()).isEqualTo(200);
    }

    private static void assertNoTokenIn(HttpResponse<String> response, String accessToken) {
        assertThat(response.body()).doesNotContain(accessToken).doesNotContain("refresh-")
                .doesNotContain("\"accessToken\"").doesNotContain("\"refreshToken\"");
        response.headers().map().forEach((name, values) -> assertThat(String.join(",", values)).as(name)
                .doesNotContain(accessToken).doesNotContain("refresh-"));
    }

    private static String setCookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream().filter(cookie -> cookie.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no Set-Cookie " + name + " in " + response.headers().map()));
    }

    private static String problemCode(HttpResponse<String> response) {
        return JSON.readTree(response.body()).path("code").asString();
    }
}

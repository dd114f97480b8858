package io.quipu.identity.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import io.quipu.identity.application.SigningKeys;
import io.quipu.identity.config.DemoUsers;
import io.quipu.identity.config.ShortLivedStateCleanup;
import io.quipu.platform.test.EmbeddedInfrastructure;
import io.quipu.platform.test.TestHttp;
import io.quipu.platform.test.TestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@EmbeddedInfrastructure(database = "identity")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "quipu.security.issuer=" + IdentityApiTest.ISSUER,
        "quipu.identity.demo-users=true",
        "quipu.identity.sms.api-key=" + SmsStandIn.API_KEY,
        "quipu.identity.sms.first-retry-pause=50ms"})
class IdentityApiTest {

    static final String ISSUER = "http://identity.quipu.test";
    static final String ANA_CUSTOMER_ID = "0193c0de-0000-7000-8000-000000000001";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final SmsStandIn SMS = new SmsStandIn();

    @DynamicPropertySource
    static void smsProvider(DynamicPropertyRegistry registry) {
        registry.add("quipu.services.sandbox.url", SMS::baseUrl);
    }

    @TestConfiguration
    static class MovableTime {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MovableClock clock;
    @Autowired
    Clock injectedClock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SigningKeys signingKeys;
    @Autowired
    DemoUsers demoUsers;
    @Autowired
    ShortLivedStateCleanup cleanup;

    @AfterEach
    void resetClock() {
        clock.reset();
        SMS.failNext(0);
    }

    private TestHttp http() {
        return new TestHttp(port, null);
    }

    // --- the whole login --------------------------------------------------------------------------------------------

    @Test
    void passwordThenSmsCodeGivesTokensThatValidateAgainstTheJwks() throws Exception {
        assertThat(injectedClock).isSameAs(clock);
        HttpResponse<String> login = login("demo.ana", "Quipu-Demo-2026");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        JsonNode challenge = json(login);
        assertThat(challenge.get("requireMfa").asBoolean()).isTrue();
        assertThat(challenge.get("factors").toString()).isEqualTo("[\"otp\",\"passkey\"]");
        String loginId = challenge.get("loginId").asString();

        String otp = SMS.latestOtp("+51900000001");
        HttpResponse<String> verified = verifyOtp(loginId, otp);
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        JsonNode tokens = json(verified);
        assertThat(tokens.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("expiresInSeconds").asLong()).isEqualTo(600);
        assertThat(tokens.get("refreshToken").asString()).hasSizeGreaterThanOrEqualTo(43);

        JWTClaimsSet claims = validate(tokens.get("accessToken").asString());
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getSubject()).isEqualTo(ANA_CUSTOMER_ID);
        assertThat(claims.getStringClaim("customer_id")).isEqualTo(ANA_CUSTOMER_ID);
        assertThat(claims.getClaim("roles")).isNull();
        assertThat(claims.getAudience()).contains("customers", "payments", "loans", "gateway").doesNotContain("ledger");
        assertThat(claims.getStringClaim("scope")).contains("payments:write");
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(10));

        // The code works once.
        assertProblem(verifyOtp(loginId, otp), 401, "login_expired");
    }

    @Test
    void staffTokensCarryRolesAndAnAdministratorMayCreateUsers() throws Exception {
        String admin = completeLogin("demo.admin", "Quipu-Admin-2026", "+51900000090").get("accessToken").asString();
        JWTClaimsSet claims = validate(admin);
        assertThat(claims.getSubject()).isEqualTo("demo.admin");
        assertThat(claims.getStringListClaim("roles")).containsExactly("admin");
        assertThat(claims.getClaim("customer_id")).isNull();
        assertThat(claims.getAudience()).contains("identity", "ledger");

        String username = "teller." + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = new TestHttp(port, admin).post("/users", """
                {"username":"%s","password":"Caja-Norte-Lima-7","phone":"%s","kind":"STAFF","roles":["TELLER"]}"""
                .formatted(username, randomPhone()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json(created).get("roles").toString()).isEqualTo("[\"TELLER\"]");
        assertThat(json(created).has("passwordHash")).isFalse();
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        TestUser user = createCustomer();
        long started = System.nanoTime();
        HttpResponse<String> unknown = login("nobody." + UUID.randomUUID(), "Whatever-Password-1");
        long unknownMillis = (System.nanoTime() - started) / 1_000_000;
        HttpResponse<String> wrong = login(user.username(), "Not-The-Password-1");

        assertProblem(unknown, 401, "invalid_credentials");
        assertProblem(wrong, 401, "invalid_credentials");
        assertThat(unknown.body()).isEqualTo(wrong.body());
        // An unknown username still costs a bcrypt check, so timing tells nothing either.
        assertThat(unknownMillis).isGreaterThanOrEqualTo(50);
    }

    @Test
    void fiveWrongCodesKillTheLoginTransaction() {
        TestUser user = createCustomer();
        String loginId = json(login(user.username(), user.password())).get("loginId").asString();
        String otp = SMS.latestOtp(user.phone());
        String wrong = otp.equals("000000") ? "111111" : "000000";
        for (int attempt = 1; attempt <= 4; attempt++) {
            JsonNode problem = assertProblem(verifyOtp(loginId, wrong), 401, "invalid_otp");
            assertThat(problem.get("detail").asString()).contains((5 - attempt) + " tr");
        }
        // The fifth wrong code in a row is also the fifth failure of the user: the account locks.
        assertProblem(verifyOtp(loginId, wrong), 423, "account_locked");
        // Even the right code cannot revive the transaction.
        assertProblem(verifyOtp(loginId, otp), 401, "login_expired");
        Integer attempts = jdbc.sql("select otp_attempts from login_transactions where id = :id")
                .param("id", UUID.fromString(loginId)).query(Integer.class).single();
        assertThat(attempts).isEqualTo(5);
    }

    @Test
    void codesExpireAfterFiveMinutes() {
        TestUser user = createCustomer();
        String loginId = json(login(user.username(), user.password())).get("loginId").asString();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertProblem(verifyOtp(loginId, SMS.latestOtp(user.phone())), 401, "login_expired");
        assertProblem(verifyOtp(UUID.randomUUID().toString(), "123456"), 401, "login_expired");
    }

    @Test
    void fiveFailuresLockTheAccountUntilTheWaitIsOverAndRepeatLocksDouble() {
        TestUser user = createCustomer();
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertProblem(login(user.username(), "Wrong-Password-" + attempt), 401, "invalid_credentials");
        }
        HttpResponse<String> fifth = login(user.username(), "Wrong-Password-5");
        assertProblem(fifth, 423, "account_locked");
        assertThat(fifth.headers().firstValue("Retry-After")).hasValue("900");

        // Locked: even the right password is refused, without saying whether it was right.
        HttpResponse<String> whileLocked = login(user.username(), user.password());
        assertProblem(whileLocked, 423, "account_locked");
        assertThat(Long.parseLong(whileLocked.headers().firstValue("Retry-After").orElseThrow())).isBetween(890L, 900L);

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(login(user.username(), user.password()).statusCode()).isEqualTo(200);

        // No complete login in between: the next lock lasts twice as long.
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertProblem(login(user.username(), "Wrong-Again-" + attempt), 401, "invalid_credentials");
        }
        HttpResponse<String> secondLock = login(user.username(), "Wrong-Again-5");
        assertProblem(secondLock, 423, "account_locked");
        assertThat(secondLock.headers().firstValue("Retry-After")).hasValue("1800");
        assertThat(jdbc.sql("select count(*) from lockouts l join users u on u.id = l.user_id where u.username = :username")
                .param("username", user.username()).query(Integer.class).single()).isEqualTo(2);
    }

    // --- refresh tokens ---------------------------------------------------------------------------------------------

    @Test
    void refreshRotatesAndReusingAnOldTokenRevokesTheFamily() throws Exception {
        TestUser user = createCustomer();
        JsonNode first = completeLogin(user.username(), user.password(), user.phone());
        String token0 = first.get("refreshToken").asString();

        JsonNode second = json(refresh(token0));
        String token1 = second.get("refreshToken").asString();
        assertThat(token1).isNotEqualTo(token0);
        assertThat(validate(second.get("accessToken").asString()).getSubject()).isEqualTo(user.customerId().toString());
        String token2 = json(refresh(token1)).get("refreshToken").asString();

        // token0 was spent: presenting it again means a copy exists. The family dies, token2 included.
        assertProblem(refresh(token0), 401, "invalid_refresh_token");
        assertProblem(refresh(token2), 401, "invalid_refresh_token");
        assertProblem(refresh("not-a-token-we-issued"), 401, "invalid_refresh_token");
    }

    @Test
    void logoutRevokesTheFamily() {
        TestUser user = createCustomer();
        String token0 = completeLogin(user.username(), user.password(), user.phone()).get("refreshToken").asString();
        String token1 = json(refresh(token0)).get("refreshToken").asString();
        assertThat(http().post("/auth/logout", "{\"refreshToken\":\"%s\"}".formatted(token1)).statusCode()).isEqualTo(204);
        assertProblem(refresh(token1), 401, "invalid_refresh_token");
        // Unknown tokens get the same 204.
        assertThat(http().post("/auth/logout", "{\"refreshToken\":\"unknown\"}").statusCode()).isEqualTo(204);
    }

    // --- the authorization server -----------------------------------------------------------------------------------

    @Test
    void partnersGetClientCredentialsTokensForTheirScopesAndAudiences() throws Exception {
        HttpResponse<String> issued = tokenRequest("agent-network", "agent-network-secret", "grant_type=client_credentials");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        String token = json(issued).get("access_token").asString();
        JWTClaimsSet claims = validate(token);
        assertThat(claims.getAudience()).containsExactly("payments");
        assertThat(claims.getStringClaim("scope")).isEqualTo("payments:write");
        assertThat(validate(customersServiceToken()).getStringClaim("scope")).isEqualTo("identity:write ledger:read ledger:write");
        assertThat(claims.getStringClaim("client_id")).isEqualTo("agent-network");
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);

        // A scope the partner was not given, and a wrong secret.
        HttpResponse<String> beyond = tokenRequest("agent-network", "agent-network-secret",
                "grant_type=client_credentials&scope=ledger:write");
        assertThat(beyond.statusCode()).isEqualTo(400);
        assertThat(json(beyond).get("error").asString()).isEqualTo("invalid_scope");
        assertThat(tokenRequest("agent-network", "wrong-secret", "grant_type=client_credentials").statusCode()).isEqualTo(401);

        // Introspection and revocation, authenticated as the client.
        HttpResponse<String> introspected = tokenRequestTo("/oauth2/introspect", "agent-network", "agent-network-secret", "token=" + token);
        assertThat(introspected.statusCode()).as(introspected.body()).isEqualTo(200);
        assertThat(json(introspected).get("active").asBoolean()).as(introspected.body()).isTrue();
        assertThat(tokenRequestTo("/oauth2/revoke", "agent-network", "agent-network-secret", "token=" + token).statusCode())
                .isEqualTo(200);
        assertThat(json(tokenRequestTo("/oauth2/introspect", "agent-network", "agent-network-secret", "token=" + token))
                .get("active").asBoolean()).isFalse();

        // Two scopes of one service: one audience.
        JWTClaimsSet payments = validate(json(tokenRequest("payments", "payments-secret", "grant_type=client_credentials"))
                .get("access_token").asString());
        assertThat(payments.getAudience()).containsExactly("ledger");
    }

    @Test
    void creatingUsersNeedsIdentityWriteInTheTokenAndItsAudience() {
        TestUser created = createCustomer();
        assertThat(created.customerId()).isNotNull();

        String paymentsToken = json(tokenRequest("payments", "payments-secret", "grant_type=client_credentials"))
                .get("access_token").asString();
        String request = customerJson("someone." + UUID.randomUUID().toString().substring(0, 8), "Cuenta-Segura-2026",
                randomPhone(), UUID.randomUUID());
        // Audience ledger only: identity does not accept it at all.
        assertProblem(new TestHttp(port, paymentsToken).post("/users", request), 401, "unauthenticated");
        assertProblem(http().post("/users", request), 401, "unauthenticated");

        TestHttp customers = new TestHttp(port, customersServiceToken());
        assertProblem(customers.post("/users", customerJson(created.username(), "Cuenta-Segura-2026", randomPhone(),
                UUID.randomUUID())), 409, "username_taken");
        assertProblem(customers.post("/users", customerJson("other." + UUID.randomUUID().toString().substring(0, 8),
                "Cuenta-Segura-2026", randomPhone(), created.customerId())), 409, "customer_has_user");
        JsonNode weak = assertProblem(customers.post("/users", customerJson("weak." + UUID.randomUUID().toString().substring(0, 8),
                "password123", randomPhone(), UUID.randomUUID())), 400, "weak_password");
        assertThat(weak.get("errors").get(0).get("code").asString()).isEqualTo("common_password");
        JsonNode staffWithCustomer = assertProblem(customers.post("/users", """
                {"username":"mixed.up","password":"Cuenta-Segura-2026","phone":"+51911111111","kind":"STAFF",
                 "customerId":"%s","roles":["ADMIN"]}""".formatted(UUID.randomUUID())), 400, "validation_failed");
        assertThat(staffWithCustomer.get("errors").get(0).get("code").asString()).isEqualTo("invalid_combination");
    }

    @Test
    void discoveryDocumentAndJwksArePublished() {
        HttpResponse<String> discovery = http().get("/.well-known/openid-configuration");
        assertThat(discovery.statusCode()).isEqualTo(200);
        JsonNode document = json(discovery);
        assertThat(document.get("issuer").asString()).isEqualTo(ISSUER);
        assertThat(document.get("jwks_uri").asString()).isEqualTo(ISSUER + "/oauth2/jwks");
        assertThat(document.get("token_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/token");
        assertThat(document.get("grant_types_supported").toString()).contains("client_credentials");
        assertThat(document.get("id_token_signing_alg_values_supported").toString()).contains("RS256");

        JsonNode oauthMetadata = json(http().get("/.well-known/oauth-authorization-server"));
        assertThat(oauthMetadata.get("introspection_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/introspect");
        assertThat(oauthMetadata.get("revocation_endpoint").asString()).isEqualTo(ISSUER + "/oauth2/revoke");
        assertThat(http().get("/v3/api-docs").body()).contains("/auth/verify-otp", "/users");
        assertThat(http().get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        JsonNode jwks = json(http().get("/oauth2/jwks"));
        assertThat(jwks.get("keys").size()).isGreaterThanOrEqualTo(1);
        JsonNode key = jwks.get("keys").get(0);
        assertThat(key.get("kty").asString()).isEqualTo("RSA");
        assertThat(key.has("kid")).isTrue();
        assertThat(key.has("d")).as("no private part").isFalse();
    }

    @Test
    void rotatedKeysSignNewTokensWhileOldTokensStillValidate() throws Exception {
        String before = json(tokenRequest("payments", "payments-secret", "grant_type=client_credentials")).get("access_token").asString();
        String oldKeyId = SignedJWT.parse(before).getHeader().getKeyID();
        String newKeyId = signingKeys.rotate();
        assertThat(newKeyId).isNotEqualTo(oldKeyId);

        String after = json(tokenRequest("payments", "payments-secret", "grant_type=client_credentials")).get("access_token").asString();
        assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(newKeyId);
        TestUser user = createCustomer();
        String loginToken = completeLogin(user.username(), user.password(), user.phone()).get("accessToken").asString();
        assertThat(SignedJWT.parse(loginToken).getHeader().getKeyID()).isEqualTo(newKeyId);
        validate(before);
        validate(after);
        validate(loginToken);
    }

    // --- events -----------------------------------------------------------------------------------------------------

    @Test
    void loginsAreAnnouncedOnAuthEventsWithoutSecrets() {
        TestUser user = createCustomer();
        assertProblem(login(user.username(), "Wrong-Password-1"), 401, "invalid_credentials");
        String loginId = json(login(user.username(), user.password())).get("loginId").asString();
        String otp = SMS.latestOtp(user.phone());
        assertProblem(verifyOtp(loginId, otp.equals("000000") ? "111111" : "000000"), 401, "invalid_otp");
        assertThat(verifyOtp(loginId, otp).statusCode()).isEqualTo(200);

        String userId = jdbc.sql("select id from users where username = :username").param("username", user.username())
                .query(UUID.class).single().toString();
        List<JsonNode> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "identity-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("auth-events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (events.size() < 4 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (userId.equals(record.key())) {
                        assertThat(record.value()).doesNotContain(user.password()).doesNotContain("\"" + otp + "\"");
                        events.add(JSON.readTree(record.value()));
                    }
                }
            }
        }
        assertThat(events).extracting(event -> event.get("type").asString()).containsExactly(
                "io.quipu.identity.user.created", "io.quipu.identity.login.failed", "io.quipu.identity.otp.failed",
                "io.quipu.identity.login.succeeded");
        JsonNode failed = events.get(1).get("data");
        assertThat(failed.get("reason").asString()).isEqualTo("wrong_password");
        assertThat(failed.get("consecutiveFailures").asInt()).isEqualTo(1);
        assertThat(events.get(3).get("data").get("customerId").asString()).isEqualTo(user.customerId().toString());
        assertThat(events.get(3).get("data").get("loginId").asString()).isEqualTo(loginId);
    }

    @Test
    void aStaleBearerHeaderDoesNotBlockTheLoginEndpoints() {
        TestUser user = createCustomer();
        String token0 = completeLogin(user.username(), user.password(), user.phone()).get("refreshToken").asString();
        HttpResponse<String> refreshed = new TestHttp(port, "expired.or.garbage").post("/auth/refresh",
                "{\"refreshToken\":\"%s\"}".formatted(token0));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        // Elsewhere a bad bearer token is refused as usual.
        assertProblem(new TestHttp(port, "expired.or.garbage").post("/users", "{}"), 401, "unauthenticated");
    }

    @Test
    void atMostThreeLoginsWaitForACodeAtOnce() {
        TestUser user = createCustomer();
        for (int login = 1; login <= 3; login++) {
            assertThat(login(user.username(), user.password()).statusCode()).isEqualTo(200);
        }
        assertProblem(login(user.username(), user.password()), 429, "too_many_pending_logins");
        assertThat(SMS.messagesTo(user.phone())).hasSize(3);
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(login(user.username(), user.password()).statusCode()).isEqualTo(200);
    }

    @Test
    void demoUsersAreCreatedOnce() {
        String countDemoUsers = "select count(*) from users where username like 'demo.%'";
        assertThat(jdbc.sql(countDemoUsers).query(Integer.class).single()).isEqualTo(6);
        assertThat(demoUsers.createMissing()).isZero();
        assertThat(jdbc.sql(countDemoUsers).query(Integer.class).single()).isEqualTo(6);
    }

    @Test
    void expiredShortLivedStateIsCleanedUp() {
        TestUser user = createCustomer();
        completeLogin(user.username(), user.password(), user.phone());
        assertThat(login(user.username(), user.password()).statusCode()).isEqualTo(200);
        json(tokenRequest("agent-network", "agent-network-secret", "grant_type=client_credentials"));
        String userRows = "select (select count(*) from login_transactions l join users u on u.id = l.user_id where u.username = :username)"
                + " + (select count(*) from refresh_tokens r join users u on u.id = r.user_id where u.username = :username)";
        assertThat(jdbc.sql(userRows).param("username", user.username()).query(Integer.class).single()).isEqualTo(3);

        clock.advance(Duration.ofDays(31));
        cleanup.deleteExpired();
        assertThat(jdbc.sql(userRows).param("username", user.username()).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from oauth2_authorization where access_token_expires_at < now()")
                .query(Integer.class).single()).isZero();
    }

    // --- SMS provider -----------------------------------------------------------------------------------------------

    @Test
    void smsIsRetriedAndAProviderOutageIsA503() {
        TestUser user = createCustomer();
        SMS.failNext(1);
        assertThat(login(user.username(), user.password()).statusCode()).isEqualTo(200);
        assertThat(SMS.messagesTo(user.phone())).hasSize(1);

        int requestsBefore = SMS.requestCount();
        SMS.failNext(3);
        assertProblem(login(user.username(), user.password()), 503, "otp_delivery_failed");
        assertThat(SMS.requestCount() - requestsBefore).isEqualTo(3);
    }

    // --- bad input --------------------------------------------------------------------------------------------------

    @Test
    void badInputIsA4xxProblemNeverA500() {
        assertProblem(http().post("/auth/login", "{}"), 400, "validation_failed");
        assertProblem(http().post("/auth/login", "{\"username\":\"ana\"}"), 400, "validation_failed");
        assertProblem(http().post("/auth/login", "{\"username\":[\"ana\"],\"password\":\"x\"}"), 400, "validation_failed");
        assertProblem(http().post("/auth/login", "{\"username\":\"" + "a".repeat(65) + "\",\"password\":\"x\"}"), 400, "validation_failed");
        assertProblem(http().post("/auth/login", "{"), 400, "malformed_json");
        // Longer than bcrypt takes: simply a wrong password, never a 500.
        assertProblem(login("demo.luis", "ñ".repeat(100)), 401, "invalid_credentials");
        assertProblem(http().post("/auth/login", "{\"username\":\"a\",\"password\":\"" + "x".repeat(2_000_000) + "\"}"),
                413, "body_too_large");
        assertProblem(http().post("/auth/verify-otp", "{\"loginId\":\"not-a-uuid\",\"otp\":\"123456\"}"), 400, "validation_failed");
        assertProblem(http().post("/auth/verify-otp", "{\"loginId\":\"%s\",\"otp\":\"12ab56\"}".formatted(UUID.randomUUID())),
                400, "validation_failed");
        assertProblem(http().post("/auth/refresh", "{\"refreshToken\":\"\"}"), 400, "validation_failed");
        TestHttp customers = new TestHttp(port, customersServiceToken());
        assertProblem(customers.post("/users", "{\"username\":\"x y\",\"password\":\"Cuenta-Segura-2026\",\"phone\":\"987\",\"kind\":\"ROBOT\"}"),
                400, "validation_failed");
        assertProblem(customers.post("/users", customerJson("phone.test", "Cuenta-Segura-2026", "987654321", UUID.randomUUID())),
                400, "validation_failed");
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    record TestUser(String username, String password, String phone, UUID customerId) {
    }

    private TestUser createCustomer() {
        TestUser user = new TestUser("customer." + UUID.randomUUID().toString().substring(0, 13), "Llama-Verde-" + UUID.randomUUID().toString().substring(0, 6),
                randomPhone(), UUID.randomUUID());
        HttpResponse<String> created = new TestHttp(port, customersServiceToken())
                .post("/users", customerJson(user.username(), user.password(), user.phone(), user.customerId()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return user;
    }

    private static String customerJson(String username, String password, String phone, UUID customerId) {
        return """
                {"username":"%s","password":"%s","phone":"%s","kind":"CUSTOMER","customerId":"%s"}"""
                .formatted(username, password, phone, customerId);
    }

    private static String randomPhone() {
        return "+519" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
    }

    private String customersServiceToken() {
        HttpResponse<String> issued = tokenRequest("customers", "customers-secret", "grant_type=client_credentials");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return json(issued).get("access_token").asString();
    }

    private HttpResponse<String> login(String username, String password) {
        return http().post("/auth/login", "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password));
    }

    private HttpResponse<String> verifyOtp(String loginId, String otp) {
        return http().post("/auth/verify-otp", "{\"loginId\":\"%s\",\"otp\":\"%s\"}".formatted(loginId, otp));
    }

    private HttpResponse<String> refresh(String refreshToken) {
        return http().post("/auth/refresh", "{\"refreshToken\":\"%s\"}".formatted(refreshToken));
    }

    private JsonNode completeLogin(String username, String password, String phone) {
        HttpResponse<String> login = login(username, password);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        HttpResponse<String> verified = verifyOtp(json(login).get("loginId").asString(), SMS.latestOtp(phone));
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        return json(verified);
    }

    private HttpResponse<String> tokenRequest(String clientId, String secret, String form) {
        return tokenRequestTo("/oauth2/token", clientId, secret, form);
    }

    private HttpResponse<String> tokenRequestTo(String path, String clientId, String secret, String form) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = http().builder(path)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        return http().send(request);
    }

    /** Validates as a resource server would: signature against the published JWKS, then returns the claims. */
    private JWTClaimsSet validate(String token) throws Exception {
        JWKSet keys = JWKSet.parse(http().get("/oauth2/jwks").body());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));
        JWTClaimsSet claims = processor.process(token, null);
        assertThat(claims.getExpirationTime()).isInTheFuture();
        return claims;
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("code").asString()).as(response.body()).isEqualTo(code);
        return problem;
    }
}

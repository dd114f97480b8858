package io.quipu.identity.api;

import static io.quipu.platform.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
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
import io.quipu.identity.store.SigningKeyStore;
import io.quipu.platform.crypto.FieldCipher;
import io.quipu.platform.crypto.FieldCipherException;
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
    /** The payments client's ledger scopes only: a token whose aud is {@code ledger} alone. */
    static final String LEDGER_ONLY = "grant_type=client_credentials&scope=ledger:read%20ledger:write";

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
    FieldCipher signingKeyCipher;
    @Value("${quipu.identity.signing-key-encryption.keys}")
    String signingKeyEncryptionKeys;
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

        // Two scopes of one service: one audience (payments also has identity:step-up; asking for fewer scopes narrows aud).
        JWTClaimsSet payments = validate(json(tokenRequest("payments", "payments-secret", LEDGER_ONLY))
                .get("access_token").asString());
        assertThat(payments.getAudience()).containsExactly("ledger");
    }

    @Test
    void creatingUsersNeedsIdentityWriteInTheTokenAndItsAudience() {
        TestUser created = createCustomer();
        assertThat(created.customerId()).isNotNull();

        String paymentsToken = json(tokenRequest("payments", "payments-secret", LEDGER_ONLY))
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

    @Test
    void privateSigningKeysAreSealedAtRestAndAPlainOneOfAnEarlierVersionIsSealedAtStart() throws Exception {
        String activeKeyId = signingKeys.activeKeyId();
        assertThat(jdbc.sql("select count(*) from signing_keys where private_key is not null").query(Integer.class).single())
                .as("no private key in the clear").isZero();
        String sealed = jdbc.sql("select private_key_sealed from signing_keys where key_id = :id").param("id", activeKeyId)
                .query(String.class).single();
        assertThat(sealed).startsWith("v1:dev1:");
        assertThat(jdbc.sql("select count(*) from signing_keys where not active and private_key_sealed is not null")
                .query(Integer.class).single()).as("retired keys keep no private key").isZero();

        // As an earlier version stored it: in the clear. The next start seals it, and it still signs.
        byte[] plain = Base64.getDecoder().decode(signingKeyCipher.decrypt(sealed, "signing_keys.private_key:" + activeKeyId));
        jdbc.sql("update signing_keys set private_key = :plain, private_key_sealed = null where key_id = :id")
                .param("plain", plain).param("id", activeKeyId).update();
        signingKeys.initialize();
        String resealed = jdbc.sql("select private_key_sealed from signing_keys where key_id = :id").param("id", activeKeyId)
                .query(String.class).single();
        assertThat(resealed).startsWith("v1:dev1:").isNotEqualTo(sealed);
        assertThat(jdbc.sql("select private_key from signing_keys where key_id = :id").param("id", activeKeyId)
                .query(byte[].class).optional()).isEmpty();
        String token = json(tokenRequest("payments", "payments-secret", "grant_type=client_credentials")).get("access_token").asString();
        assertThat(SignedJWT.parse(token).getHeader().getKeyID()).isEqualTo(activeKeyId);
        validate(token);

        // A sealed key is bound to its row: under another key id it does not open.
        assertThatThrownBy(() -> signingKeyCipher.decrypt(resealed, "signing_keys.private_key:another-key"))
                .isInstanceOf(FieldCipherException.class);

        // The encryption key is rotated (k2 active, dev1 kept for reading): the start seals it again under k2; and back.
        String k2 = "k2:" + Base64.getEncoder().encodeToString("another-32-byte-key-for-signing!".getBytes(StandardCharsets.US_ASCII));
        assertThat(new SigningKeyStore(jdbc, FieldCipher.fromConfiguration(signingKeyEncryptionKeys + "," + k2, "k2", null))
                .sealAtRest()).isEqualTo(1);
        assertThat(jdbc.sql("select private_key_sealed from signing_keys where key_id = :id").param("id", activeKeyId)
                .query(String.class).single()).startsWith("v1:k2:");
        assertThat(new SigningKeyStore(jdbc, FieldCipher.fromConfiguration(signingKeyEncryptionKeys + "," + k2, "dev1", null))
                .sealAtRest()).isEqualTo(1);
        signingKeys.initialize();
        validate(json(tokenRequest("payments", "payments-secret", "grant_type=client_credentials")).get("access_token").asString());
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

    // --- step-up for payments (PSD2 dynamic linking) ---------------------------------------------------------------

    static final String PAYEE = "CCI 002-193-001234567890-12";

    @Test
    void stepUpByOtpStatesThePaymentInTheSmsAndGivesASingleUseAuthorizationBoundToIt() throws Exception {
        TestUser user = createCustomer();
        String customerToken = completeLogin(user.username(), user.password(), user.phone()).get("accessToken").asString();
        TestHttp customer = new TestHttp(port, customerToken);
        UUID paymentId = UUID.randomUUID();
        HttpResponse<String> started = customer.post("/auth/step-up", stepUpJson(paymentId, "1250.00", PAYEE, "otp"));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String stepUpId = json(started).get("stepUpId").asString();

        // What the user confirms: the SMS states the amount and the payee.
        List<SmsStandIn.Message> received = SMS.messagesTo(user.phone());
        String text = received.get(received.size() - 1).text();
        assertThat(text).contains("PEN 1250.00").contains(PAYEE);
        String otp = SMS.latestOtp(user.phone());

        // Someone else cannot confirm it; a wrong code costs a try (and counts toward lockout).
        TestHttp otherCustomer = new TestHttp(port, completeLogin("demo.luis", "Quipu-Demo-2026", "+51900000002")
                .get("accessToken").asString());
        assertProblem(otherCustomer.post("/auth/step-up/" + stepUpId + "/confirm", otpJson(otp)), 404, "step_up_not_found");
        JsonNode wrong = assertProblem(customer.post("/auth/step-up/" + stepUpId + "/confirm",
                otpJson(otp.equals("000000") ? "111111" : "000000")), 422, "invalid_otp");
        assertThat(wrong.get("detail").asString()).contains("4 tries");

        HttpResponse<String> confirmed = customer.post("/auth/step-up/" + stepUpId + "/confirm", otpJson(otp));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        String authorization = json(confirmed).get("authorization").asString();
        assertThat(json(confirmed).get("expiresInSeconds").asLong()).isEqualTo(300);
        // The code works once.
        assertProblem(customer.post("/auth/step-up/" + stepUpId + "/confirm", otpJson(otp)), 422, "step_up_challenge_expired");

        JWTClaimsSet claims = validate(authorization, new JOSEObjectType("step-up+jwt"));
        assertThat(SignedJWT.parse(authorization).getHeader().getType().getType()).isEqualTo("step-up+jwt");
        assertThat(claims.getSubject()).isEqualTo(user.customerId().toString());
        assertThat(claims.getStringClaim("customer_id")).isEqualTo(user.customerId().toString());
        assertThat(claims.getStringClaim("payment_id")).isEqualTo(paymentId.toString());
        assertThat(claims.getStringClaim("amount")).isEqualTo("1250.00");
        assertThat(claims.getStringClaim("currency")).isEqualTo("PEN");
        assertThat(claims.getStringClaim("payee")).isEqualTo(PAYEE);
        assertThat(claims.getStringClaim("token_use")).isEqualTo("step_up");
        assertThat(claims.getAudience()).containsExactly("payments");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(Duration.between(claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofMinutes(5));

        // Redeeming needs the payments service's identity:step-up scope, not the customer's token.
        assertThat(customer.post("/auth/step-up/redeem", redeemJson(authorization, paymentId, "1250.00", PAYEE)).statusCode())
                .isEqualTo(403);
        TestHttp payments = new TestHttp(port, paymentsServiceToken());
        // A different amount, payee or payment is refused, and does not spend the authorization.
        assertProblem(payments.post("/auth/step-up/redeem", redeemJson(authorization, paymentId, "12500.00", PAYEE)),
                422, "step_up_binding_mismatch");
        assertProblem(payments.post("/auth/step-up/redeem", redeemJson(authorization, paymentId, "1250.00", "CCI 002-193-999")),
                422, "step_up_binding_mismatch");
        assertProblem(payments.post("/auth/step-up/redeem", redeemJson(authorization, UUID.randomUUID(), "1250.00", PAYEE)),
                422, "step_up_binding_mismatch");
        // A login access token is not a step-up authorization, nor is a tampered one.
        assertProblem(payments.post("/auth/step-up/redeem", redeemJson(customerToken, paymentId, "1250.00", PAYEE)),
                422, "step_up_invalid");
        assertProblem(payments.post("/auth/step-up/redeem", redeemJson(authorization.substring(0, authorization.length() - 4) + "AAAA",
                paymentId, "1250.00", PAYEE)), 422, "step_up_invalid");

        HttpResponse<String> redeemed = payments.post("/auth/step-up/redeem", redeemJson(authorization, paymentId, "1250.00", PAYEE));
        assertThat(redeemed.statusCode()).as(redeemed.body()).isEqualTo(200);
        assertThat(json(redeemed).get("valid").asBoolean()).isTrue();
        assertThat(json(redeemed).get("paymentId").asString()).isEqualTo(paymentId.toString());
        // Single use.
        assertProblem(payments.post("/auth/step-up/redeem", redeemJson(authorization, paymentId, "1250.00", PAYEE)),
                409, "step_up_already_used");

        String userId = jdbc.sql("select id from users where username = :username").param("username", user.username())
                .query(UUID.class).single().toString();
        Integer redemptions = jdbc.sql("select count(*) from step_up_redemptions where user_id = :userId")
                .param("userId", UUID.fromString(userId)).query(Integer.class).single();
        assertThat(redemptions).isEqualTo(1);
        // created, login.succeeded, requested, failed (wrong code), confirmed, 3 × failed (binding), redeemed, failed (reuse)
        List<JsonNode> events = authEventsOf(userId, otp, 10);
        assertThat(events).extracting(event -> event.get("type").asString()).contains(
                "io.quipu.identity.step-up.requested", "io.quipu.identity.step-up.failed",
                "io.quipu.identity.step-up.confirmed", "io.quipu.identity.step-up.redeemed");
    }

    @Test
    void stepUpChallengesAndAuthorizationsExpireAfterFiveMinutes() {
        TestUser user = createCustomer();
        TestHttp customer = new TestHttp(port, completeLogin(user.username(), user.password(), user.phone()).get("accessToken").asString());
        UUID paymentId = UUID.randomUUID();

        // A code answered late.
        String late = json(customer.post("/auth/step-up", stepUpJson(paymentId, "80.50", PAYEE, "otp"))).get("stepUpId").asString();
        String lateOtp = SMS.latestOtp(user.phone());
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertProblem(customer.post("/auth/step-up/" + late + "/confirm", otpJson(lateOtp)), 422, "step_up_challenge_expired");
        clock.reset();

        // An authorization redeemed late.
        String stepUpId = json(customer.post("/auth/step-up", stepUpJson(paymentId, "80.50", PAYEE, "otp"))).get("stepUpId").asString();
        HttpResponse<String> confirmed = customer.post("/auth/step-up/" + stepUpId + "/confirm", otpJson(SMS.latestOtp(user.phone())));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        String authorization = json(confirmed).get("authorization").asString();
        String paymentsToken = paymentsServiceToken();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertProblem(new TestHttp(port, paymentsToken).post("/auth/step-up/redeem",
                redeemJson(authorization, paymentId, "80.50", PAYEE)), 422, "step_up_expired");
    }

    @Test
    void stepUpRefusesBadInputAndCountsWrongCodesTowardLockout() {
        TestUser user = createCustomer();
        TestHttp customer = new TestHttp(port, completeLogin(user.username(), user.password(), user.phone()).get("accessToken").asString());
        UUID paymentId = UUID.randomUUID();
        assertProblem(customer.post("/auth/step-up", stepUpJson(paymentId, "-5.00", PAYEE, "otp")), 400, "validation_failed");
        assertProblem(customer.post("/auth/step-up", stepUpJson(paymentId, "5.001", PAYEE, "otp")), 400, null);
        assertProblem(customer.post("/auth/step-up", stepUpJson(paymentId, "5.00", "x".repeat(65), "otp")), 400, "validation_failed");
        assertProblem(customer.post("/auth/step-up", stepUpJson(paymentId, "5.00", PAYEE, "sms")), 400, "validation_failed");
        assertProblem(customer.post("/auth/step-up", stepUpJson(paymentId, "5.00", PAYEE, "passkey")), 409, "no_passkey_registered");
        assertProblem(http().post("/auth/step-up", stepUpJson(paymentId, "5.00", PAYEE, "otp")), 401, "unauthenticated");
        assertProblem(new TestHttp(port, paymentsServiceToken()).post("/auth/step-up", stepUpJson(paymentId, "5.00", PAYEE, "otp")),
                403, "user_token_required");
        assertProblem(customer.post("/auth/step-up/" + UUID.randomUUID() + "/confirm", "{}"), 400, "validation_failed");

        String stepUpId = json(customer.post("/auth/step-up", stepUpJson(paymentId, "5.00", PAYEE, "otp"))).get("stepUpId").asString();
        String otp = SMS.latestOtp(user.phone());
        String wrong = otp.equals("000000") ? "111111" : "000000";
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertProblem(customer.post("/auth/step-up/" + stepUpId + "/confirm", otpJson(wrong)), 422, "invalid_otp");
        }
        // The fifth wrong code in a row is the user's fifth failure: locked, like at login.
        assertProblem(customer.post("/auth/step-up/" + stepUpId + "/confirm", otpJson(wrong)), 423, "account_locked");
        assertProblem(customer.post("/auth/step-up", stepUpJson(paymentId, "5.00", PAYEE, "otp")), 423, "account_locked");
    }

    // --- password change and reset --------------------------------------------------------------------------------

    @Test
    void changingThePasswordNeedsTheCurrentOneAndRevokesEveryRefreshToken() {
        TestUser user = createCustomer();
        JsonNode firstSession = completeLogin(user.username(), user.password(), user.phone());
        JsonNode secondSession = completeLogin(user.username(), user.password(), user.phone());
        TestHttp customer = new TestHttp(port, secondSession.get("accessToken").asString());
        String newPassword = "Alpaca-Azul-" + UUID.randomUUID().toString().substring(0, 6);

        assertProblem(customer.post("/auth/password", changeJson("Not-My-Password-1", newPassword)), 422, "wrong_current_password");
        JsonNode weak = assertProblem(customer.post("/auth/password", changeJson(user.password(), "password123")), 400, "weak_password");
        assertThat(weak.get("errors").get(0).get("field").asString()).isEqualTo("newPassword");
        assertProblem(http().post("/auth/password", changeJson(user.password(), newPassword)), 401, "unauthenticated");

        HttpResponse<String> changed = customer.post("/auth/password", changeJson(user.password(), newPassword));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(204);
        // Every session of the user ends, this one too.
        assertProblem(refresh(firstSession.get("refreshToken").asString()), 401, "invalid_refresh_token");
        assertProblem(refresh(secondSession.get("refreshToken").asString()), 401, "invalid_refresh_token");
        assertProblem(login(user.username(), user.password()), 401, "invalid_credentials");
        assertThat(completeLogin(user.username(), newPassword, user.phone()).get("accessToken").asString()).isNotBlank();
    }

    @Test
    void passwordResetByCodeRevealsNoUserSetsThePasswordRevokesSessionsAndUnlocks() {
        // An unknown username gets the same answer, and its id never works.
        HttpResponse<String> unknown = http().post("/auth/password-reset", "{\"username\":\"nobody.here\"}");
        assertThat(unknown.statusCode()).isEqualTo(202);
        assertThat(json(unknown).properties()).extracting(Map.Entry::getKey).containsExactly("resetId");
        assertProblem(http().post("/auth/password-reset/confirm", resetConfirmJson(json(unknown).get("resetId").asString(),
                "123456", "Alpaca-Azul-2026x")), 401, "reset_expired");

        TestUser user = createCustomer();
        String session = completeLogin(user.username(), user.password(), user.phone()).get("refreshToken").asString();
        // Locked by five wrong passwords.
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertProblem(login(user.username(), "Wrong-Password-" + attempt), 401, "invalid_credentials");
        }
        assertProblem(login(user.username(), "Wrong-Password-5"), 423, "account_locked");

        // While locked, one wrong code ends a reset: no free guesses past the lock.
        String first = startReset(user);
        String firstOtp = SMS.latestOtp(user.phone());
        assertThat(SMS.messagesTo(user.phone()).get(SMS.messagesTo(user.phone()).size() - 1).text()).doesNotContain("Wrong-Password");
        assertProblem(http().post("/auth/password-reset/confirm", resetConfirmJson(first,
                firstOtp.equals("000000") ? "111111" : "000000", "Alpaca-Azul-2026x")), 401, "reset_expired");
        assertProblem(http().post("/auth/password-reset/confirm", resetConfirmJson(first, firstOtp, "Alpaca-Azul-2026x")),
                401, "reset_expired");

        String resetId = startReset(user);
        String otp = SMS.latestOtp(user.phone());
        String newPassword = "Alpaca-Azul-" + UUID.randomUUID().toString().substring(0, 6);
        assertProblem(http().post("/auth/password-reset/confirm", resetConfirmJson(resetId, otp, "password123")), 400, "weak_password");
        HttpResponse<String> confirmed = http().post("/auth/password-reset/confirm", resetConfirmJson(resetId, otp, newPassword));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(204);
        // The code works once; sessions are gone; the lock is over; the new password works and the old one does not.
        assertProblem(http().post("/auth/password-reset/confirm", resetConfirmJson(resetId, otp, newPassword)), 401, "reset_expired");
        assertProblem(refresh(session), 401, "invalid_refresh_token");
        assertProblem(login(user.username(), user.password()), 401, "invalid_credentials");
        assertThat(completeLogin(user.username(), newPassword, user.phone()).get("accessToken").asString()).isNotBlank();
    }

    @Test
    void aRealUsersResetIsAnsweredWithoutWaitingForTheSmsProvider() {
        // An unknown username is answered at once; a real one's answer must not wait for the provider, or its timing
        // would tell who has an account.
        TestUser user = createCustomer();
        int before = SMS.messagesTo(user.phone()).size();
        CountDownLatch provider = SMS.holdNext();
        HttpResponse<String> started;
        try {
            started = http().post("/auth/password-reset", "{\"username\":\"%s\"}".formatted(user.username()));
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            assertThat(SMS.messagesTo(user.phone())).as("answered while the provider still holds the SMS").hasSize(before);
        } finally {
            provider.countDown();
        }
        SMS.awaitMoreThan(user.phone(), before);
        String newPassword = "Alpaca-Azul-" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> confirmed = http().post("/auth/password-reset/confirm",
                resetConfirmJson(json(started).get("resetId").asString(), SMS.latestOtp(user.phone()), newPassword));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(204);
    }

    @Test
    void passwordResetCodesAllowFiveTriesAndExpire() {
        TestUser user = createCustomer();
        String resetId = startReset(user);
        String otp = SMS.latestOtp(user.phone());
        String wrong = otp.equals("000000") ? "111111" : "000000";
        for (int attempt = 1; attempt <= 4; attempt++) {
            JsonNode problem = assertProblem(http().post("/auth/password-reset/confirm",
                    resetConfirmJson(resetId, wrong, "Alpaca-Azul-2026x")), 401, "invalid_otp");
            assertThat(problem.get("detail").asString()).contains((5 - attempt) + " tr");
        }
        // The fifth wrong code is the user's fifth failure in a row: locked, and the reset is dead.
        assertProblem(http().post("/auth/password-reset/confirm", resetConfirmJson(resetId, wrong, "Alpaca-Azul-2026x")),
                423, "account_locked");
        assertProblem(http().post("/auth/password-reset/confirm", resetConfirmJson(resetId, otp, "Alpaca-Azul-2026x")),
                401, "reset_expired");

        String late = startReset(user);
        String lateOtp = SMS.latestOtp(user.phone());
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertProblem(http().post("/auth/password-reset/confirm", resetConfirmJson(late, lateOtp, "Alpaca-Azul-2026x")),
                401, "reset_expired");
    }

    /** Starts a reset and waits for its SMS, which goes out after the answer. */
    private String startReset(TestUser user) {
        int before = SMS.messagesTo(user.phone()).size();
        HttpResponse<String> started = http().post("/auth/password-reset", "{\"username\":\"%s\"}".formatted(user.username()));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        SMS.awaitMoreThan(user.phone(), before);
        return json(started).get("resetId").asString();
    }

    private static String changeJson(String currentPassword, String newPassword) {
        return "{\"currentPassword\":\"%s\",\"newPassword\":\"%s\"}".formatted(currentPassword, newPassword);
    }

    private static String resetConfirmJson(String resetId, String otp, String newPassword) {
        return "{\"resetId\":\"%s\",\"otp\":\"%s\",\"newPassword\":\"%s\"}".formatted(resetId, otp, newPassword);
    }

    private static String stepUpJson(UUID paymentId, String amount, String payee, String factor) {
        return """
                {"paymentId":"%s","amount":{"amount":"%s","currency":"PEN"},"payee":"%s","factor":"%s"}"""
                .formatted(paymentId, amount, payee, factor);
    }

    private static String otpJson(String otp) {
        return "{\"otp\":\"" + otp + "\"}";
    }

    private static String redeemJson(String authorization, UUID paymentId, String amount, String payee) {
        return """
                {"authorization":"%s","paymentId":"%s","amount":{"amount":"%s","currency":"PEN"},"payee":"%s"}"""
                .formatted(authorization, paymentId, amount, payee);
    }

    private String paymentsServiceToken() {
        HttpResponse<String> issued = tokenRequest("payments", "payments-secret", "grant_type=client_credentials");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return json(issued).get("access_token").asString();
    }

    /** The user's events on auth-events (waits for {@code expected} of them), checking none holds the code. */
    private List<JsonNode> authEventsOf(String userId, String otp, int expected) {
        List<JsonNode> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "identity-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("auth-events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (events.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (userId.equals(record.key())) {
                        assertThat(record.value()).doesNotContain("\"" + otp + "\"").doesNotContain("eyJ");
                        events.add(JSON.readTree(record.value()));
                    }
                }
            }
        }
        return events;
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
        return validate(token, JOSEObjectType.JWT);
    }

    /** As above, for tokens of another JOSE {@code typ}: the default processor takes only {@code JWT}. */
    private JWTClaimsSet validate(String token, JOSEObjectType type) throws Exception {
        JWKSet keys = JWKSet.parse(http().get("/oauth2/jwks").body());
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(type, null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys)));
        JWTClaimsSet claims = processor.process(token, null);
        assertThat(claims.getExpirationTime()).isInTheFuture();
        return claims;
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}

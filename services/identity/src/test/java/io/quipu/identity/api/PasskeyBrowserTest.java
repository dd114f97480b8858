package io.quipu.identity.api;

import static io.quipu.platform.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Base64;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.quipu.platform.test.EmbeddedInfrastructure;
import io.quipu.platform.test.TestHttp;
import io.quipu.platform.test.TestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passkeys end to end in a real browser: headless Chromium with its virtual authenticator (a platform authenticator
 * with user verification, like Touch ID) runs a test page served by this very service, so the page's origin is one of
 * the configured WebAuthn origins. Also the server's answers to bad input, without a browser.
 */
@EmbeddedInfrastructure(database = "identity")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "quipu.identity.demo-users=true",
        "quipu.identity.sms.api-key=" + SmsStandIn.API_KEY,
        "quipu.identity.sms.first-retry-pause=50ms"})
class PasskeyBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration BROWSER_STEP_TIMEOUT = Duration.ofSeconds(30);
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final SmsStandIn SMS = new SmsStandIn();
    /** Fixed before the context starts: the page's origin (with this port) must be among the configured origins. */
    static final int PORT = freePort();
    static final String ORIGIN = "http://localhost:" + PORT;

    @DynamicPropertySource
    static void webAuthnAndSms(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("quipu.identity.webauthn.rp-id", () -> "localhost");
        registry.add("quipu.identity.webauthn.origins", () -> ORIGIN);
        registry.add("quipu.services.sandbox.url", SMS::baseUrl);
    }

    @TestConfiguration
    static class TestPageAndMovableTime {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }

        /** The test page is a static file of the test classpath; the service's API rules do not apply to it. */
        @Bean
        @Order(0)
        SecurityFilterChain passkeyTestPage(HttpSecurity http) throws Exception {
            return http.securityMatcher("/passkey-test.html")
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .build();
        }
    }

    static ChromeDriver browser;
    static VirtualAuthenticator authenticator;
    static Path userDataDirectory;

    @Autowired
    MovableClock clock;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("Chromium is not installed (" + CHROMIUM + ", " + CHROMEDRIVER + "). The passkey test needs Debian's "
                    + "'chromium' and 'chromium-driver' packages: .ci/run installs them, or run "
                    + "'apt-get install -y chromium chromium-driver'.");
        }
        userDataDirectory = Files.createTempDirectory("quipu-passkey-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + userDataDirectory);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(BROWSER_STEP_TIMEOUT);
        authenticator = ((HasVirtualAuthenticator) browser).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserVerified(true));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (userDataDirectory != null) {
            try (var paths = Files.walk(userDataDirectory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // --- in the browser ---------------------------------------------------------------------------------------------

    @Test
    void registerAPasskeyThenLogInWithPasswordAndPasskey() {
        TestUser user = createCustomer();
        String accessToken = completeLoginWithOtp(user).get("accessToken").asString();

        JsonNode registered = inPage("registerPasskey(%s, %s)", quoted(accessToken), quoted("Ana's phone"));
        assertThat(registered.get("status").asInt()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.get("body").get("label").asString()).isEqualTo("Ana's phone");
        String passkeyId = registered.get("body").get("id").asString();
        Map<String, Object> row = jdbc.sql("""
                        select p.signature_count, length(p.public_key_cose) as key_length, p.user_handle is not null as has_handle,
                               p.last_used_at is null as unused
                        from passkeys p where p.id = :id""")
                .param("id", UUID.fromString(passkeyId)).query().singleRow();
        assertThat((Integer) row.get("key_length")).isGreaterThan(60);
        assertThat(row.get("has_handle")).isEqualTo(true);
        assertThat(row.get("unused")).isEqualTo(true);

        HttpResponse<String> listed = new TestHttp(PORT, accessToken).get("/auth/passkeys");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(json(listed).get(0).get("id").asString()).isEqualTo(passkeyId);

        // Password, then the passkey instead of the SMS code.
        String loginId = json(login(user)).get("loginId").asString();
        JsonNode loggedIn = inPage("loginWithPasskey(%s)", quoted(loginId));
        assertThat(loggedIn.get("status").asInt()).as(loggedIn.toString()).isEqualTo(200);
        String passkeyAccessToken = loggedIn.get("body").get("accessToken").asString();
        assertThat(loggedIn.get("body").get("refreshToken").asString()).hasSizeGreaterThanOrEqualTo(43);
        // The access token works: it lists the passkeys.
        assertThat(new TestHttp(PORT, passkeyAccessToken).get("/auth/passkeys").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select last_used_at is not null from passkeys where id = :id")
                .param("id", UUID.fromString(passkeyId)).query(Boolean.class).single()).isTrue();

        // The same answer again: the login is complete and its challenge spent.
        String replay = """
                {"loginId":"%s","credential":%s}""".formatted(loginId, loggedIn.get("credential"));
        assertProblem(http().post("/auth/passkeys/assertion", replay), 401, "login_expired");

        // Replayed into a fresh login of the same user: the signature is over the old challenge.
        String nextLoginId = json(login(user)).get("loginId").asString();
        assertThat(http().post("/auth/passkeys/assertion/options", "{\"loginId\":\"%s\"}".formatted(nextLoginId)).statusCode())
                .isEqualTo(200);
        String replayIntoNextLogin = """
                {"loginId":"%s","credential":%s}""".formatted(nextLoginId, loggedIn.get("credential"));
        assertProblem(http().post("/auth/passkeys/assertion", replayIntoNextLogin), 401, "invalid_passkey");

        // user.created, login.succeeded (code), passkey.registered, login.succeeded (passkey), passkey.failed
        List<JsonNode> events = eventsOf(user, 5);
        assertThat(events).extracting(event -> event.get("type").asString()).containsExactly(
                "io.quipu.identity.user.created", "io.quipu.identity.login.succeeded", "io.quipu.identity.passkey.registered",
                "io.quipu.identity.login.succeeded", "io.quipu.identity.passkey.failed");
        assertThat(events.get(3).get("data").get("reason").asString()).isEqualTo("passkey");
        assertThat(events.get(3).get("data").get("loginId").asString()).isEqualTo(loginId);
        assertThat(events.toString()).doesNotContain(accessToken).doesNotContain(user.password());

        // Deleted: gone from the list, and someone else cannot delete it.
        TestUser other = createCustomer();
        String otherToken = completeLoginWithOtp(other).get("accessToken").asString();
        assertProblem(new TestHttp(PORT, otherToken).send(new TestHttp(PORT, otherToken).builder("/auth/passkeys/" + passkeyId)
                .DELETE().build()), 404, "passkey_not_found");
        assertThat(new TestHttp(PORT, accessToken).send(new TestHttp(PORT, accessToken).builder("/auth/passkeys/" + passkeyId)
                .DELETE().build()).statusCode()).isEqualTo(204);
        assertThat(json(new TestHttp(PORT, accessToken).get("/auth/passkeys"))).isEmpty();
    }

    @Test
    void aPasskeyOfAnotherUserIsNotAccepted() {
        TestUser owner = createCustomer();
        JsonNode ownersPasskey = inPage("registerPasskey(%s, 'owner')",
                quoted(completeLoginWithOtp(owner).get("accessToken").asString()));
        assertThat(ownersPasskey.get("status").asInt()).as(ownersPasskey.toString()).isEqualTo(201);
        TestUser victim = createCustomer();
        JsonNode victimsPasskey = inPage("registerPasskey(%s, 'victim')",
                quoted(completeLoginWithOtp(victim).get("accessToken").asString()));
        assertThat(victimsPasskey.get("status").asInt()).as(victimsPasskey.toString()).isEqualTo(201);

        // The victim's login answered with the owner's passkey: the authenticator signs the victim's challenge.
        String victimsLoginId = json(login(victim)).get("loginId").asString();
        JsonNode answered = inPage("loginWithPasskey(%s, [%s])", quoted(victimsLoginId),
                quoted(ownersPasskey.get("body").get("credentialId").asString()));
        assertThat(answered.get("status").asInt()).as(answered.toString()).isEqualTo(401);
        assertThat(answered.get("body").get("code").asString()).isEqualTo("invalid_passkey");
        assertThat(jdbc.sql("select consecutive_failures from users where username = :username")
                .param("username", victim.username()).query(Integer.class).single()).isEqualTo(1);

        // The victim's own passkey still completes that login (a failure costs one try, not the login).
        JsonNode ownAnswer = inPage("loginWithPasskey(%s)", quoted(victimsLoginId));
        assertThat(ownAnswer.get("status").asInt()).as(ownAnswer.toString()).isEqualTo(200);
    }

    @Test
    void anAnswerAfterFiveMinutesIsRefused() {
        TestUser user = createCustomer();
        JsonNode registered = inPage("registerPasskey(%s, 'phone')",
                quoted(completeLoginWithOtp(user).get("accessToken").asString()));
        assertThat(registered.get("status").asInt()).as(registered.toString()).isEqualTo(201);

        String loginId = json(login(user)).get("loginId").asString();
        HttpResponse<String> options = http().post("/auth/passkeys/assertion/options", "{\"loginId\":\"%s\"}".formatted(loginId));
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        JsonNode publicKey = json(options).get("publicKey");
        assertThat(publicKey.get("userVerification").asString()).isEqualTo("required");
        assertThat(publicKey.get("rpId").asString()).isEqualTo("localhost");
        assertThat(publicKey.get("allowCredentials")).hasSize(1);
        JsonNode signed = inPage("signAssertion(%s)", publicKey.toString());
        assertThat(signed.get("status").asInt()).as(signed.toString()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertProblem(http().post("/auth/passkeys/assertion", """
                {"loginId":"%s","credential":%s}""".formatted(loginId, signed.get("credential"))), 401, "login_expired");
    }

    @Test
    void aPaymentStepUpConfirmedWithAPasskeyGivesItsSingleUseAuthorization() {
        TestUser user = createCustomer();
        String accessToken = completeLoginWithOtp(user).get("accessToken").asString();
        TestHttp customer = new TestHttp(PORT, accessToken);
        UUID paymentId = UUID.randomUUID();
        String stepUp = """
                {"paymentId":"%s","amount":{"amount":"2300.00","currency":"PEN"},"payee":"PE12 0011 0123 4567","factor":"passkey"}"""
                .formatted(paymentId);
        // Without a passkey there is nothing to sign with.
        assertProblem(customer.post("/auth/step-up", stepUp), 409, "no_passkey_registered");
        JsonNode registered = inPage("registerPasskey(%s, 'phone')", quoted(accessToken));
        assertThat(registered.get("status").asInt()).as(registered.toString()).isEqualTo(201);

        int smsBefore = SMS.messagesTo(user.phone()).size();
        HttpResponse<String> started = customer.post("/auth/step-up", stepUp);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(SMS.messagesTo(user.phone())).hasSize(smsBefore); // no code: the passkey is the factor
        String stepUpId = json(started).get("stepUpId").asString();
        JsonNode publicKey = json(started).get("publicKey");
        assertThat(publicKey.get("userVerification").asString()).isEqualTo("required");
        assertThat(jdbc.sql("select passkey_request_json from step_up_challenges where id = :id")
                .param("id", UUID.fromString(stepUpId)).query(String.class).single())
                .contains(publicKey.get("challenge").asString());

        String confirmPath = "/auth/step-up/" + stepUpId + "/confirm";
        assertProblem(customer.post(confirmPath, "{\"otp\":\"123456\"}"), 400, "step_up_factor_mismatch");
        JsonNode signed = inPage("signAssertion(%s)", publicKey.toString());
        assertThat(signed.get("status").asInt()).as(signed.toString()).isEqualTo(200);
        String answer = "{\"credential\":%s}".formatted(signed.get("credential"));
        HttpResponse<String> confirmed = customer.post(confirmPath, answer);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        String authorization = json(confirmed).get("authorization").asString();
        // Answered once.
        assertProblem(customer.post(confirmPath, answer), 422, "step_up_challenge_expired");

        // The same signature cannot confirm another payment: its challenge belongs to the first one.
        String other = json(customer.post("/auth/step-up", stepUp.replace("2300.00", "9999.00"))).get("stepUpId").asString();
        assertProblem(customer.post("/auth/step-up/" + other + "/confirm", answer), 422, "invalid_passkey");

        TestHttp payments = new TestHttp(PORT, paymentsServiceToken());
        String redeem = """
                {"authorization":"%s","paymentId":"%s","amount":{"amount":"2300.00","currency":"PEN"},"payee":"PE12 0011 0123 4567"}"""
                .formatted(authorization, paymentId);
        assertProblem(payments.post("/auth/step-up/redeem", redeem.replace("2300.00", "9999.00")), 422, "step_up_binding_mismatch");
        HttpResponse<String> redeemed = payments.post("/auth/step-up/redeem", redeem);
        assertThat(redeemed.statusCode()).as(redeemed.body()).isEqualTo(200);
        assertProblem(payments.post("/auth/step-up/redeem", redeem), 409, "step_up_already_used");
    }

    private String paymentsServiceToken() {
        String basic = Base64.getEncoder().encodeToString("payments:payments-secret".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> issued = http().send(http().builder("/oauth2/token")
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return json(issued).get("access_token").asString();
    }

    // --- the server alone -------------------------------------------------------------------------------------------

    @Test
    void badInputIsAProblemNotAnError() {
        TestUser user = createCustomer();
        String loginId = json(login(user)).get("loginId").asString();
        assertProblem(http().post("/auth/passkeys/assertion", """
                {"loginId":"%s","credential":{"id":"not-a-credential","response":{}}}""".formatted(loginId)),
                400, "invalid_passkey_credential");
        assertProblem(http().post("/auth/passkeys/assertion", """
                {"loginId":"%s","credential":"a string"}""".formatted(loginId)), 400, "invalid_passkey_credential");
        assertThat(http().post("/auth/passkeys/assertion", "{\"loginId\":\"%s\",\"credential\":{".formatted(loginId))
                .statusCode()).isEqualTo(400);
        assertThat(http().post("/auth/passkeys/assertion/options", "{\"loginId\":\"not-a-uuid\"}").statusCode()).isEqualTo(400);
        assertThat(http().post("/auth/passkeys/assertion/options", "{}").statusCode()).isEqualTo(400);
        // Unknown login, and a login of a user without passkeys.
        assertProblem(http().post("/auth/passkeys/assertion/options", "{\"loginId\":\"%s\"}".formatted(UUID.randomUUID())),
                401, "login_expired");
        assertProblem(http().post("/auth/passkeys/assertion/options", "{\"loginId\":\"%s\"}".formatted(loginId)),
                409, "no_passkey_registered");
    }

    @Test
    void registrationNeedsAUserTokenAndAFreshChallenge() {
        assertThat(http().post("/auth/passkeys/registration/options", "{}").statusCode()).isEqualTo(401);
        assertThat(http().get("/auth/passkeys").statusCode()).isEqualTo(401);
        String serviceToken = customersServiceToken();
        assertProblem(new TestHttp(PORT, serviceToken).post("/auth/passkeys/registration/options", "{}"), 403,
                "user_token_required");

        TestUser user = createCustomer();
        TestHttp asUser = new TestHttp(PORT, completeLoginWithOtp(user).get("accessToken").asString());
        HttpResponse<String> options = asUser.post("/auth/passkeys/registration/options", "{}");
        assertThat(options.statusCode()).as(options.body()).isEqualTo(200);
        JsonNode publicKey = json(options).get("publicKey");
        assertThat(publicKey.get("authenticatorSelection").get("userVerification").asString()).isEqualTo("required");
        assertThat(publicKey.get("rp").get("id").asString()).isEqualTo("localhost");
        String challengeId = json(options).get("challengeId").asString();
        JsonNode created = inPage("createCredential(%s)", publicKey.toString());
        assertThat(created.get("status").asInt()).as(created.toString()).isEqualTo(200);
        String credential = created.get("credential").toString();

        assertProblem(asUser.post("/auth/passkeys/registration", """
                {"challengeId":"%s","label":"%s","credential":%s}""".formatted(challengeId, "x".repeat(65), credential)), 400,
                "validation_failed");
        assertProblem(asUser.post("/auth/passkeys/registration", """
                {"challengeId":"%s","label":"phone","credential":{"nonsense":true}}""".formatted(challengeId)), 400,
                "invalid_passkey_credential");
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertProblem(asUser.post("/auth/passkeys/registration", """
                {"challengeId":"%s","label":"phone","credential":%s}""".formatted(challengeId, credential)), 400,
                "passkey_challenge_expired");
        assertThat(json(asUser.get("/auth/passkeys"))).isEmpty();
    }

    // --- helpers ----------------------------------------------------------------------------------------------------

    /** Runs one of the page's functions and waits for what it wrote into #result. A fresh page each time. */
    private JsonNode inPage(String callTemplate, Object... arguments) {
        browser.get(ORIGIN + "/passkey-test.html");
        ((JavascriptExecutor) browser).executeScript(callTemplate.formatted(arguments) + ";");
        new WebDriverWait(browser, BROWSER_STEP_TIMEOUT).until(driver ->
                "true".equals(driver.findElement(By.id("result")).getDomAttribute("data-done")));
        return JSON.readTree(browser.findElement(By.id("result")).getText());
    }

    private static String quoted(String text) {
        return JSON.writeValueAsString(text);
    }

    record TestUser(String username, String password, String phone, UUID customerId) {
    }

    private TestUser createCustomer() {
        TestUser user = new TestUser("passkey." + UUID.randomUUID().toString().substring(0, 13),
                "Llama-Verde-" + UUID.randomUUID().toString().substring(0, 6),
                "+519" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999)), UUID.randomUUID());
        HttpResponse<String> created = new TestHttp(PORT, customersServiceToken()).post("/users", """
                {"username":"%s","password":"%s","phone":"%s","kind":"CUSTOMER","customerId":"%s"}"""
                .formatted(user.username(), user.password(), user.phone(), user.customerId()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return user;
    }

    private String customersServiceToken() {
        HttpResponse<String> issued = http().send(http().builder("/oauth2/token")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("customers:customers-secret".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
        return json(issued).get("access_token").asString();
    }

    private HttpResponse<String> login(TestUser user) {
        HttpResponse<String> login = http().post("/auth/login",
                "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(user.username(), user.password()));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        return login;
    }

    private JsonNode completeLoginWithOtp(TestUser user) {
        String loginId = json(login(user)).get("loginId").asString();
        HttpResponse<String> verified = http().post("/auth/verify-otp",
                "{\"loginId\":\"%s\",\"otp\":\"%s\"}".formatted(loginId, SMS.latestOtp(user.phone())));
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        return json(verified);
    }

    /** The user's events on auth-events, once at least {@code atLeast} arrived (30 s at most). */
    private List<JsonNode> eventsOf(TestUser user, int atLeast) {
        String userId = jdbc.sql("select id from users where username = :username").param("username", user.username())
                .query(UUID.class).single().toString();
        List<JsonNode> events = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "identity-passkey-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("auth-events"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (events.size() < atLeast && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (userId.equals(record.key())) {
                        events.add(JSON.readTree(record.value()));
                    }
                }
            }
        }
        return events;
    }

    private TestHttp http() {
        return new TestHttp(PORT, null);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

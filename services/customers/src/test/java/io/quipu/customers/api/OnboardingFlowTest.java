package io.quipu.customers.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import io.quipu.customers.PlatformStandIn;
import io.quipu.customers.SandboxServer;
import io.quipu.customers.application.ProfileCache;
import io.quipu.customers.clients.ContractMailer;
import io.quipu.customers.domain.CustomerStatus;
import io.quipu.customers.domain.OnboardingCase;
import io.quipu.customers.domain.OnboardingState;
import io.quipu.customers.store.CustomerStore;
import io.quipu.customers.store.OnboardingRecord;
import io.quipu.customers.store.OnboardingStore;
import io.quipu.platform.id.Ids;
import io.quipu.platform.events.CloudEventCodec;
import io.quipu.platform.test.EmbeddedInfrastructure;
import io.quipu.platform.test.TestHttp;
import io.quipu.platform.test.TestInfrastructure;
import io.quipu.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Onboarding over HTTP against the sandbox's real simulators (registry, biometrics, screening, e-signature, SMTP
 * mailbox), with identity's and the ledger's endpoints played by {@link PlatformStandIn}.
 */
@EmbeddedInfrastructure(database = "customers")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "quipu.customers.onboarding.resume-interval=200ms",
        "quipu.customers.onboarding.first-retry-delay=200ms",
        "quipu.customers.onboarding.max-retry-delay=1s",
        "spring.security.oauth2.client.registration.customers.client-secret=secret"})
class OnboardingFlowTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final PlatformStandIn PLATFORM = new PlatformStandIn();

    @DynamicPropertySource
    static void externalSystems(DynamicPropertyRegistry registry) {
        registry.add("quipu.services.sandbox.url", SandboxServer::baseUrl);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SandboxServer::smtpPort);
        registry.add("quipu.services.identity.url", PLATFORM::baseUrl);
        registry.add("quipu.services.ledger.url", PLATFORM::baseUrl);
        registry.add("spring.security.oauth2.client.provider.quipu.token-uri", () -> TestTokens.get().tokenUri());
    }

    @LocalServerPort
    int port;
    @Autowired
    CustomerStore customerStore;
    @Autowired
    OnboardingStore onboardingStore;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProfileCache profileCache;
    @Autowired
    KafkaTemplate<String, byte[]> kafkaTemplate;
    @Autowired
    CloudEventCodec codec;
    @MockitoSpyBean
    ContractMailer mailer;

    @AfterEach
    void providersBackUp() {
        sandbox().send(sandbox().builder("/sandbox/faults").DELETE().build());
        PLATFORM.ledgerFailures.set(0);
    }

    // --- the whole way ---------------------------------------------------------------------------------------------------

    @Test
    void aPersonBecomesAnActiveCustomerWithALoginAnAccountAndASignedContractInTheirMailbox() throws Exception {
        Applicant ana = Applicant.registered(this, "Ana María", "Quispe", "Mamani", LocalDate.of(1990, 5, 17));
        JsonNode started = ana.start();
        assertThat(started.get("state").asString()).isEqualTo("identity_verified");
        assertThat(started.get("nextStep").asString()).isEqualTo("selfie");
        assertThat(started.get("givenNames").asString()).isEqualTo("Ana María");
        assertThat(started.get("resumeToken").asString()).hasSizeGreaterThanOrEqualTo(43);

        JsonNode afterSelfie = ana.post("/selfie", Map.of("features", ana.matchingFeatures()), 200);
        assertThat(afterSelfie.get("state").asString()).isEqualTo("screened");
        assertThat(afterSelfie.get("nextStep").asString()).isEqualTo("credentials");

        JsonNode afterCredentials = ana.post("/credentials", Map.of("username", ana.username, "password", "Quipu-Ana-2026!",
                "accountCurrency", "PEN"), 200);
        assertThat(afterCredentials.get("state").asString()).isEqualTo("account_opened");
        assertThat(afterCredentials.get("accountNumber").asString()).hasSize(14);
        assertThat(afterCredentials.get("cci").asString()).hasSize(20);
        UUID customerId = UUID.fromString(afterCredentials.get("customerId").asString());
        PlatformStandIn.CreatedUser user = PLATFORM.usersByCustomer.get(customerId);
        assertThat(user.username()).isEqualTo(ana.username);
        assertThat(user.phone()).isEqualTo(ana.phone);

        // The contract can be read before signing: a real PDF with the customer's name and account.
        HttpResponse<byte[]> preview = ana.getBytes("/contract");
        assertThat(preview.statusCode()).isEqualTo(200);
        String previewText = pdfText(preview.body());
        assertThat(previewText).contains("Ana María Quispe Mamani").contains(afterCredentials.get("accountNumber").asString());

        JsonNode completed = ana.post("/contract/signature", Map.of("features", ana.matchingFeatures()), 200);
        assertThat(completed.get("state").asString()).isEqualTo("completed");
        assertThat(completed.get("nextStep").asString()).isEqualTo("none");
        assertThat(completed.get("transitions")).hasSize(7);

        // The signed contract is in the customer's mailbox, attached.
        JsonNode mail = awaitMail(ana.email);
        assertThat(mail.get("attachments").get(0).get("contentType").asString()).startsWith("application/pdf");

        // The customer: active, readable with their own token, with the signed contract among their documents.
        String token = TestTokens.get().customer(customerId, "customers", "customers:read", "customers:write");
        TestHttp asAna = new TestHttp(port, token);
        JsonNode customer = JSON.readTree(asAna.get("/customers/" + customerId).body());
        assertThat(customer.get("status").asString()).isEqualTo("active");
        assertThat(customer.get("documentNumber").asString()).isEqualTo(ana.documentNumber);
        assertThat(customer.get("masked").asBoolean()).isFalse();
        JsonNode documents = JSON.readTree(asAna.get("/customers/" + customerId + "/documents").body());
        assertThat(documents).hasSize(1);
        HttpResponse<byte[]> signed = HttpClient.newHttpClient().send(asAna.builder("/customers/" + customerId + "/documents/"
                + documents.get(0).get("id").asString()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(signed.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(signed.body())) {
            assertThat(document.getSignatureDictionaries()).hasSize(1);
            assertThat(new PDFTextStripper().getText(document)).contains("Ana María Quispe Mamani");
        }

        // The 360° view shows the account.
        JsonNode profile = JSON.readTree(asAna.get("/customers/" + customerId + "/profile").body());
        assertThat(profile.get("accounts").get("status").asString()).isEqualTo("available");
        assertThat(profile.get("accounts").get("data").get(0).get("accountNumber").asString())
                .isEqualTo(afterCredentials.get("accountNumber").asString());
        assertThat(profile.get("loans").get("status").asString()).isEqualTo("not_offered");

        // customer.onboarded went out, masked.
        ConsumerRecord<String, byte[]> event = awaitEvent("customers", customerId.toString(),
                record -> new String(record.value()).contains("customer.onboarded"));
        String eventJson = new String(event.value());
        assertThat(eventJson).contains("****").doesNotContain(ana.documentNumber).doesNotContain(ana.phone);
    }

    @Test
    void sensitiveFieldsAreEncryptedAtRest() throws Exception {
        Applicant luis = Applicant.registered(this, "Luis Alberto", "Huamán", "Torres", LocalDate.of(1985, 1, 2));
        JsonNode started = luis.start();
        UUID customerId = UUID.fromString(started.get("customerId").asString());
        for (String column : List.of("document_number_encrypted", "phone_encrypted", "birth_date_encrypted")) {
            String stored = customerStore.storedValue(customerId, column);
            assertThat(stored).startsWith("v1:").doesNotContain(luis.documentNumber).doesNotContain("1985-01-02")
                    .doesNotContain(luis.phone.substring(3));
        }
        String raw = jdbc.sql("select cast(row_to_json(customers) as text) from customers where id = :id").param("id", customerId)
                .query(String.class).single();
        assertThat(raw).doesNotContain(luis.documentNumber).doesNotContain(luis.phone.substring(3)).doesNotContain("1985-01-02");
        // And the record reads back in clear.
        assertThat(customerStore.find(customerId).orElseThrow().documentNumber()).isEqualTo(luis.documentNumber);
    }

    @Test
    void the360ViewIsCachedDroppedWhenMoneyMovesAndReportsALedgerOutageAsAPart() throws Exception {
        Applicant sofia = Applicant.registered(this, "Sofía", "Castro", "León", LocalDate.of(1987, 12, 1));
        JsonNode opened = sofia.openPenAccount("Quipu-Sofia-2026!");
        UUID customerId = UUID.fromString(opened.get("customerId").asString());
        TestHttp asSofia = new TestHttp(port, TestTokens.get().customer(customerId, "customers", "customers:read"));
        assertThat(JSON.readTree(asSofia.get("/customers/" + customerId + "/profile").body()).get("accounts").get("status").asString())
                .isEqualTo("available");
        assertThat(profileCache.get(customerId)).isNotNull();

        // Money arrives on her account: the ledger's event drops the cached view.
        kafkaTemplate.send("transfers", opened.get("accountNumber").asString(), codec.serialize(codec.create(UUID.randomUUID(),
                "io.quipu.ledger.transfer.posted", customerId.toString(), Map.of("transferId", UUID.randomUUID().toString(),
                        "kind", "posted", "accountId", UUID.randomUUID().toString(), "customerId", customerId.toString(),
                        "direction", "credit", "timestamp", 1), null))).get();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (profileCache.get(customerId) != null && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(profileCache.get(customerId)).isNull();

        // The ledger down: the view still answers, with the accounts part unavailable (and is not cached).
        PLATFORM.ledgerReadsDown = true;
        try {
            HttpResponse<String> degraded = asSofia.get("/customers/" + customerId + "/profile");
            assertThat(degraded.statusCode()).isEqualTo(200);
            JsonNode profile = JSON.readTree(degraded.body());
            assertThat(profile.get("customer").get("givenNames").asString()).isEqualTo("Sofía");
            assertThat(profile.get("accounts").get("status").asString()).isEqualTo("unavailable");
            assertThat(profile.get("recentMovements").get("status").asString()).isEqualTo("unavailable");
            assertThat(profileCache.get(customerId)).isNull();
        } finally {
            PLATFORM.ledgerReadsDown = false;
        }
    }

    // --- providers that are down ----------------------------------------------------------------------------------------

    @Test
    void screeningDownIsResumedInTheBackground() throws Exception {
        Applicant rosa = Applicant.registered(this, "Rosa", "Condori", "Apaza", LocalDate.of(1979, 11, 30));
        rosa.start();
        setFault("screening", "down", 0, 2);
        JsonNode waiting = rosa.post("/selfie", Map.of("features", rosa.matchingFeatures()), 200);
        assertThat(waiting.get("state").asString()).isEqualTo("selfie_verified");
        assertThat(waiting.get("nextStep").asString()).isEqualTo("wait");
        assertThat(waiting.get("retrying").asBoolean()).isTrue();

        JsonNode resumed = rosa.awaitState("screened");
        assertThat(resumed.get("retrying").asBoolean()).isFalse();
        assertThat(resumed.get("nextStep").asString()).isEqualTo("credentials");
    }

    @Test
    void whenTheResumerActivatesTheCustomerWhileTheRequestMailsTheContractTheRequestAnswersTheCompletedCase() throws Exception {
        Applicant rosa = Applicant.registered(this, "Rosa", "Condori", "Apaza", LocalDate.of(1992, 9, 14));
        UUID customerId = UUID.fromString(rosa.openPenAccount("Quipu-Rosa-2026!").get("customerId").asString());
        // The request's own mailing waits until the background resumer (due 200 ms after the signature) has mailed the
        // contract, activated the customer and completed the case: the race a slow machine runs into by itself.
        AtomicBoolean overtaken = new AtomicBoolean();
        Mockito.doAnswer(invocation -> {
            if (overtaken.compareAndSet(false, true)) {
                Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
                while (customerStore.find(customerId).orElseThrow().status() != CustomerStatus.ACTIVE && Instant.now().isBefore(deadline)) {
                    Thread.sleep(50);
                }
            }
            return invocation.callRealMethod();
        }).when(mailer).sendSignedContract(Mockito.any(), Mockito.any(), Mockito.any(), Mockito.any(), Mockito.any());

        JsonNode completed = rosa.post("/contract/signature", Map.of("features", rosa.matchingFeatures()), 200);

        assertThat(customerStore.find(customerId).orElseThrow().status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(completed.get("state").asString()).isEqualTo("completed");
        assertThat(completed.get("transitions")).hasSize(7);
    }

    /**
     * A case read while a step commits is always whole: its state and its history come from the same moment (the
     * applicant's app polls while the background steps run; a torn read was a 500).
     */
    @Test
    void aCaseReadWhileItsStepsCommitIsAlwaysWhole() throws Exception {
        Applicant owner = Applicant.registered(this, "Inés", "Huamán", "Torres", LocalDate.of(1985, 4, 2));
        UUID customerId = UUID.fromString(owner.start().get("customerId").asString());
        Instant expiresAt = Instant.now().plus(Duration.ofDays(1));
        AtomicReference<UUID> current = new AtomicReference<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            while (writing.get()) {
                UUID caseId = current.get();
                if (caseId != null) {
                    onboardingStore.find(caseId).orElseThrow();
                    reads.incrementAndGet();
                }
            }
        });
        for (int caseNumber = 0; caseNumber < 60 && !reader.isDone(); caseNumber++) {
            UUID caseId = Ids.newId();
            OnboardingRecord record = new OnboardingRecord(OnboardingCase.start(caseId), customerId, null, 0, null, null, null, null,
                    Ids.newId(), null, null, null, null, 0, null, null, Instant.now(), expiresAt, 0);
            onboardingStore.insert(record, new byte[32], Instant.now());
            current.set(caseId);
            while (record.onboarding().state().next().isPresent()) {
                OnboardingState next = record.onboarding().state().next().orElseThrow();
                assertThat(onboardingStore.save(record.with(record.onboarding().advance(next, Instant.now(), "test")), Instant.now()))
                        .isTrue();
                record = onboardingStore.find(caseId).orElseThrow();
            }
        }
        writing.set(false);
        reader.get(10, TimeUnit.SECONDS); // rethrows what a torn read threw
        assertThat(reads.get()).isPositive();
    }

    @Test
    void ledgerDownWhileOpeningTheAccountIsResumedInTheBackground() throws Exception {
        Applicant jorge = Applicant.registered(this, "Jorge", "Ramos", "Vega", LocalDate.of(1995, 3, 8));
        jorge.start();
        jorge.post("/selfie", Map.of("features", jorge.matchingFeatures()), 200);
        int openingsBefore = PLATFORM.accountOpenings.get();
        PLATFORM.ledgerFailures.set(2);
        JsonNode waiting = jorge.post("/credentials", Map.of("username", jorge.username, "password", "Quipu-Jorge-2026!",
                "accountCurrency", "USD"), 200);
        assertThat(waiting.get("state").asString()).isEqualTo("credentials_created");
        assertThat(waiting.get("retrying").asBoolean()).isTrue();

        JsonNode opened = jorge.awaitState("account_opened");
        assertThat(opened.get("accountCurrency").asString()).isEqualTo("USD");
        assertThat(PLATFORM.accountOpenings.get() - openingsBefore).isEqualTo(3);
    }

    @Test
    void registryDownIsA503AndNothingIsCreated() throws Exception {
        Applicant pedro = Applicant.registered(this, "Pedro", "Flores", "Salas", LocalDate.of(1988, 7, 21));
        setFault("registry", "down", 0, -1);
        HttpResponse<String> refused = pedro.startResponse();
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        assertThat(JSON.readTree(refused.body()).get("code").asString()).isEqualTo("provider_unavailable");
        assertThat(customerStore.findByEmail(pedro.email)).isEmpty();
    }

    // --- rejections and bad input -----------------------------------------------------------------------------------------

    @Test
    void minorsNamesThatDoNotMatchAndUnknownDocumentsAreRejectedWithTheReason() throws Exception {
        Applicant minor = Applicant.registered(this, "Camila", "Rojas", "Paz", LocalDate.now().minusYears(17));
        assertRejected(minor.startResponse(), "under_age");

        Applicant impostor = Applicant.registered(this, "Marco", "Vargas", "Lima", LocalDate.of(1980, 2, 2));
        impostor.givenNames = "Mario";
        assertRejected(impostor.startResponse(), "name_mismatch");

        Applicant unknown = new Applicant(this, "12345000", "Nadie", "Conocido", LocalDate.of(1980, 1, 1));
        assertRejected(unknown.startResponse(), "identity_not_found");
    }

    @Test
    void aDeclaredBirthDateMustBeTheRegistrysAndAnAdults() throws Exception {
        Applicant lucia = Applicant.registered(this, "Lucía", "Torres", "Quispe", LocalDate.of(1990, 4, 12));
        lucia.declaredBirthDate = "1990-04-13";
        assertRejected(lucia.startResponse(), "birth_date_mismatch");
        assertThat(customerStore.findByEmail(lucia.email)).isEmpty();

        lucia.declaredBirthDate = LocalDate.now().minusYears(10).toString();
        JsonNode minor = problem(lucia.startResponse(), 400, "validation_failed");
        assertThat(minor.toString()).contains("birthDate").contains("under_age");
        lucia.declaredBirthDate = "1990-02-30";
        problem(lucia.startResponse(), 400, null);
        assertThat(customerStore.findByEmail(lucia.email)).isEmpty();

        lucia.declaredBirthDate = "1990-04-12";
        JsonNode started = lucia.start();
        assertThat(started.get("state").asString()).isEqualTo("identity_verified");
    }

    @Test
    void aSelfieOfSomeoneElseIsRefusedAndThreeRefusalsRejectTheCase() throws Exception {
        Applicant eva = Applicant.registered(this, "Eva", "Mendoza", "Ríos", LocalDate.of(1992, 9, 9));
        eva.start();
        for (int attempt = 1; attempt <= 2; attempt++) {
            HttpResponse<String> refused = eva.postResponse("/selfie", Map.of("features", randomFeatures()));
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
            assertThat(JSON.readTree(refused.body()).get("code").asString()).isEqualTo("selfie_not_matched");
        }
        assertRejected(eva.postResponse("/selfie", Map.of("features", randomFeatures())), "biometric_mismatch");
        assertThat(eva.get().get("state").asString()).isEqualTo("rejected");
        assertRejected(eva.postResponse("/selfie", Map.of("features", eva.matchingFeatures())), "biometric_mismatch");
    }

    @Test
    void badInputGetsFieldErrorsNeverA500() throws Exception {
        TestHttp open = new TestHttp(port, null);
        JsonNode invalidDni = problem(open.post("/onboarding", json(Map.of("documentType", "DNI", "documentNumber", "1234",
                "givenNames", "Ana", "surnames", "Quispe", "email", "ana@example.com", "phone", "+51987654321"))), 400, "validation_failed");
        assertThat(invalidDni.toString()).contains("documentNumber").contains("invalid_length");
        JsonNode invalidCedula = problem(open.post("/onboarding", json(Map.of("documentType", "CEDULA_EC", "documentNumber", "1710034066",
                "givenNames", "Ana", "surnames", "Quispe", "email", "ana@example.com", "phone", "+593987654321"))), 400, "validation_failed");
        assertThat(invalidCedula.toString()).contains("invalid_check_digit");
        JsonNode badContact = problem(open.post("/onboarding", json(Map.of("documentType", "DNI", "documentNumber", "45678912",
                "givenNames", "Ana", "surnames", "Quispe", "email", "not-an-email", "phone", "12345"))), 400, "validation_failed");
        assertThat(badContact.toString()).contains("email").contains("phone");
        problem(open.post("/onboarding", "{"), 400, null);
        problem(open.post("/onboarding", json(Map.of("documentType", "PASSPORT", "documentNumber", "X1234567"))), 400, "validation_failed");

        Applicant nina = Applicant.registered(this, "Nina", "Choque", "Cruz", LocalDate.of(1999, 4, 4));
        nina.start();
        problem(nina.postResponse("/selfie", Map.of("features", Map.of("vector", List.of(0.1, 0.2), "livenessScore", 0.9))), 400, "validation_failed");
        problem(nina.postResponse("/credentials", Map.of("username", "ni", "password", "x", "accountCurrency", "EUR")), 400, "validation_failed");
        // Out of order: credentials before the selfie.
        problem(nina.postResponse("/credentials", Map.of("username", "nina.choque", "password", "Quipu-Nina-2026!",
                "accountCurrency", "PEN")), 409, "wrong_step");
        // Without the resume token, or with another one, the case does not exist.
        problem(open.get("/onboarding/" + nina.caseId), 404, "onboarding_not_found");
        problem(open.send(open.builder("/onboarding/" + nina.caseId).header("X-Onboarding-Token", "forged").GET().build()), 404,
                "onboarding_not_found");
        problem(open.get("/onboarding/not-a-uuid"), 400, null);
    }

    // --- records: who sees what ---------------------------------------------------------------------------------------

    @Test
    void aCustomerReadsOnlyTheirOwnRecordAndStaffSeeWhatTheirRoleAllows() throws Exception {
        UUID first = UUID.fromString(Applicant.registered(this, "Julia", "Paredes", "Soto", LocalDate.of(1970, 6, 6)).start()
                .get("customerId").asString());
        UUID second = UUID.fromString(Applicant.registered(this, "Raúl", "Paredes", "Núñez", LocalDate.of(1975, 8, 8)).start()
                .get("customerId").asString());
        TestHttp asFirst = new TestHttp(port, TestTokens.get().customer(first, "customers", "customers:read", "customers:write"));
        assertThat(asFirst.get("/customers/" + first).statusCode()).isEqualTo(200);
        problem(asFirst.get("/customers/" + second), 404, "customer_not_found");
        problem(asFirst.get("/customers/" + second + "/profile"), 404, "customer_not_found");
        problem(asFirst.get("/customers/" + second + "/documents"), 404, "customer_not_found");
        problem(asFirst.get("/customers?surnamePrefix=Pa"), 403, null);
        problem(asFirst.send(asFirst.builder("/customers/" + second).method("PATCH",
                HttpRequest.BodyPublishers.ofString(json(Map.of("version", 0, "address", "Av. Arequipa 123")))).header("Content-Type",
                "application/json").build()), 404, "customer_not_found");

        TestHttp analyst = new TestHttp(port, TestTokens.get().staff("demo.analyst", "customers", List.of("analyst"), "customers:read"));
        JsonNode masked = JSON.readTree(analyst.get("/customers/" + second).body());
        assertThat(masked.get("masked").asBoolean()).isTrue();
        assertThat(masked.get("documentNumber").asString()).startsWith("****");
        JsonNode found = JSON.readTree(analyst.get("/customers?surnamePrefix=pare&limit=1").body());
        assertThat(found.get("items")).hasSize(1);
        assertThat(found.get("nextCursor").isNull()).isFalse();
        JsonNode next = JSON.readTree(analyst.get("/customers?surnamePrefix=pare&limit=1&cursor=" + found.get("nextCursor").asString()).body());
        assertThat(next.get("items")).hasSize(1);
        assertThat(next.get("items").get(0).get("id").asString()).isNotEqualTo(found.get("items").get(0).get("id").asString());
        problem(analyst.post("/customers/" + second + "/block", ""), 403, null);

        TestHttp teller = new TestHttp(port, TestTokens.get().staff("demo.teller", "customers", List.of("teller"), "customers:read"));
        JsonNode clear = JSON.readTree(teller.get("/customers/" + second).body());
        assertThat(clear.get("masked").asBoolean()).isFalse();
        // A prospect cannot be blocked: only active customers can.
        problem(teller.post("/customers/" + second + "/block", ""), 409, "invalid_status_change");
    }

    @Test
    void staffRegisterACustomerAtABranchWithTheSameRules() throws Exception {
        TestHttp teller = new TestHttp(port, TestTokens.get().staff("demo.teller", "customers", List.of("teller"), "customers:read"));
        String ruc = "20131312955";
        HttpResponse<String> created = teller.post("/customers", json(Map.of("givenNames", "Carlos", "paternalSurname", "Gómez",
                "email", "carlos." + UUID.randomUUID() + "@example.com", "phone", "+51911222333", "documentType", "RUC",
                "documentNumber", ruc, "birthDate", "1960-01-15", "nationality", "PE", "occupation", "comerciante")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode customer = JSON.readTree(created.body());
        assertThat(customer.get("status").asString()).isEqualTo("active");
        problem(teller.post("/customers", json(Map.of("givenNames", "Carlos", "paternalSurname", "Gómez", "email", "other@example.com",
                "phone", "+51911222333", "documentType", "RUC", "documentNumber", ruc, "birthDate", "1960-01-15",
                "nationality", "PE"))), 409, "document_taken");
        JsonNode badRuc = problem(teller.post("/customers", json(Map.of("givenNames", "Carlos", "paternalSurname", "Gómez",
                "email", "x@example.com", "phone", "+51911222333", "documentType", "RUC", "documentNumber", "20131312956",
                "birthDate", "1960-01-15", "nationality", "PE"))), 400, "validation_failed");
        assertThat(badRuc.toString()).contains("invalid_check_digit");

        // Optimistic concurrency: an edit based on an old version is refused, the current one passes and is announced.
        String id = customer.get("id").asString();
        HttpResponse<String> updated = patch(teller, "/customers/" + id, Map.of("version", 0, "address", "Jr. de la Unión 456"));
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        problem(patch(teller, "/customers/" + id, Map.of("version", 0, "address", "Av. Brasil 1")), 409, "customer_changed");
        awaitEvent("customers", id, record -> new String(record.value()).contains("customer.updated"));
        HttpResponse<String> blocked = teller.post("/customers/" + id + "/block", "");
        assertThat(JSON.readTree(blocked.body()).get("status").asString()).isEqualTo("blocked");
    }

    // --- helpers ---------------------------------------------------------------------------------------------------------

    /** A person the identity registry knows exactly as given, applying from a fresh phone. */
    static final class Applicant {
        final OnboardingFlowTest test;
        final String documentNumber;
        String givenNames;
        final String surnames;
        final String email;
        final String phone;
        final String username;
        /** The birth date the applicant declares at the start (ISO text, sent as it is), or null to declare none. */
        String declaredBirthDate;
        String caseId;
        String resumeToken;
        String photoReference;

        Applicant(OnboardingFlowTest test, String documentNumber, String givenNames, String surnames, LocalDate birthDate) {
            this.test = test;
            this.documentNumber = documentNumber;
            this.givenNames = givenNames;
            this.surnames = surnames;
            String unique = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
            // Not from the digits of the phone: the test of encryption at rest looks for those in the row.
            this.email = "applicant." + UUID.randomUUID() + "@example.com";
            this.phone = "+519" + unique.substring(2);
            this.username = "user." + unique;
        }

        static Applicant registered(OnboardingFlowTest test, String givenNames, String paternal, String maternal, LocalDate birthDate) {
            String dni = Integer.toString(ThreadLocalRandom.current().nextInt(20_000_000, 79_999_999));
            if (dni.endsWith("000")) {
                dni = dni.substring(0, 7) + "1";
            }
            TestHttp sandbox = sandbox();
            HttpResponse<String> set = sandbox.send(sandbox.builder("/sandbox/registry/persons/DNI/" + dni)
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json(Map.of("givenNames", givenNames, "paternalSurname", paternal,
                            "maternalSurname", maternal, "birthDate", birthDate.toString(), "gender", "F",
                            "address", "Av. Los Próceres 100, Lima")))).build());
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
            Applicant applicant = new Applicant(test, dni, givenNames, paternal + " " + maternal, birthDate);
            applicant.photoReference = JSON.readTree(set.body()).get("photoReference").asString();
            return applicant;
        }

        HttpResponse<String> startResponse() {
            Map<String, Object> body = new LinkedHashMap<>(Map.of("documentType", "DNI", "documentNumber", documentNumber,
                    "givenNames", givenNames, "surnames", surnames, "email", email, "phone", phone, "language", "es"));
            if (declaredBirthDate != null) {
                body.put("birthDate", declaredBirthDate);
            }
            return new TestHttp(test.port, null).post("/onboarding", json(body));
        }

        JsonNode start() {
            HttpResponse<String> started = startResponse();
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            JsonNode body = JSON.readTree(started.body());
            caseId = body.get("id").asString();
            resumeToken = body.get("resumeToken").asString();
            return body;
        }

        HttpResponse<String> postResponse(String step, Object body) {
            TestHttp http = new TestHttp(test.port, null);
            return http.send(http.builder("/onboarding/" + caseId + step).header("X-Onboarding-Token", resumeToken)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json(body))).build());
        }

        JsonNode post(String step, Object body, int expectedStatus) {
            HttpResponse<String> response = postResponse(step, body);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
            return JSON.readTree(response.body());
        }

        /** Starts, passes the selfie and chooses a login and a PEN account; the answer is the case, ready to sign. */
        JsonNode openPenAccount(String password) {
            start();
            post("/selfie", Map.of("features", matchingFeatures()), 200);
            return post("/credentials", Map.of("username", username, "password", password, "accountCurrency", "PEN"), 200);
        }

        JsonNode get() {
            TestHttp http = new TestHttp(test.port, null);
            HttpResponse<String> response = http.send(http.builder("/onboarding/" + caseId).header("X-Onboarding-Token", resumeToken)
                    .GET().build());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }

        HttpResponse<byte[]> getBytes(String step) throws Exception {
            TestHttp http = new TestHttp(test.port, null);
            return HttpClient.newHttpClient().send(http.builder("/onboarding/" + caseId + step).header("X-Onboarding-Token", resumeToken)
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        }

        JsonNode awaitState(String state) throws InterruptedException {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
            JsonNode current = get();
            while (!state.equals(current.get("state").asString()) && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
                current = get();
            }
            assertThat(current.get("state").asString()).as(current.toString()).isEqualTo(state);
            return current;
        }

        /** The app's features of a real selfie of this person: the registry photo's template with a little noise. */
        Map<String, Object> matchingFeatures() {
            TestHttp sandbox = sandbox();
            JsonNode template = JSON.readTree(sandbox.get("/sandbox/biometrics/templates/" + photoReference).body());
            JsonNode vector = template.has("vector") ? template.get("vector") : template;
            Random noise = new Random(42);
            List<Double> features = new ArrayList<>();
            vector.forEach(value -> features.add(value.asDouble() + noise.nextGaussian() * 0.01));
            return Map.of("vector", features, "livenessScore", 0.97);
        }
    }

    static Map<String, Object> randomFeatures() {
        Random random = new Random();
        List<Double> vector = new ArrayList<>();
        for (int index = 0; index < 128; index++) {
            vector.add(random.nextGaussian());
        }
        return Map.of("vector", vector, "livenessScore", 0.95);
    }

    static TestHttp sandbox() {
        return new TestHttp(SandboxServer.baseUrl(), null);
    }

    static void setFault(String provider, String mode, int delayMillis, int remainingCalls) {
        TestHttp sandbox = sandbox();
        HttpResponse<String> set = sandbox.send(sandbox.builder("/sandbox/faults/" + provider).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(Map.of("mode", mode, "delayMillis", delayMillis,
                        "remainingCalls", remainingCalls)))).build());
        assertThat(set.statusCode()).as(set.body()).isBetween(200, 204);
    }

    static JsonNode awaitMail(String address) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            JsonNode mails = JSON.readTree(sandbox().get("/sandbox/mail?to=" + address).body());
            if (mails.size() > 0) {
                return mails.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no e-mail to " + address);
    }

    static ConsumerRecord<String, byte[]> awaitEvent(String topic, String key, Predicate<ConsumerRecord<String, byte[]>> wanted) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key()) && wanted.test(record)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no matching event on " + topic + " for " + key);
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    static HttpResponse<String> patch(TestHttp http, String path, Object body) {
        return http.send(http.builder(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    static void assertRejected(HttpResponse<String> response, String reason) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo("onboarding_rejected");
        assertThat(problem.get("detail").asString()).contains(reason);
    }

    static JsonNode problem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        JsonNode problem = JSON.readTree(response.body());
        if (code != null) {
            assertThat(problem.get("code").asString()).isEqualTo(code);
        }
        return problem;
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}

package io.quipu.payments.api;

import static io.quipu.platform.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.quipu.payments.PlatformStandIns;
import io.quipu.payments.clients.WebhookSignatures;
import io.quipu.payments.domain.LedgerTransferIds;
import io.quipu.platform.banking.AccountNumbers;
import io.quipu.platform.test.EmbeddedInfrastructure;
import io.quipu.platform.test.ServiceProcess;
import io.quipu.platform.test.TestHttp;
import io.quipu.platform.test.TestInfrastructure;
import io.quipu.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Payments against the REAL ledger and the sandbox's clearing house, SWIFT network and FX rates (both run from their
 * executable jars), with fraud and identity's step-up played by {@link PlatformStandIns}.
 */
@EmbeddedInfrastructure(database = "payments")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.security.oauth2.client.registration.payments.client-secret=secret",
        "quipu.payments.poll-interval=200ms",
        "quipu.payments.resume-interval=100ms",
        "quipu.payments.first-retry-delay=300ms",
        "quipu.payments.max-retry-delay=1s",
        "quipu.payments.max-send-attempts=3",
        "quipu.payments.return-window=20s",
        "quipu.payments.providers.clearing.max-attempts=1",
        "quipu.payments.providers.clearing.timeout=2s",
        "quipu.payments.providers.clearing.circuit-breaker.failures=50",
        "quipu.payments.fraud.timeout=2s"})
class PaymentsFlowTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final PlatformStandIns STAND_INS = new PlatformStandIns();
    static final ServiceProcess LEDGER = ServiceProcess.start("ledger", "services/ledger", "quipu-ledger", "ledger_for_payments", Map.of());
    static final ServiceProcess SANDBOX = ServiceProcess.start("sandbox", "sandbox", "quipu-sandbox", null, Map.of(
            "QUIPU_SANDBOX_SMTPPORT", "0",
            "QUIPU_SANDBOX_CLEARING_SETTLEMENTDELAY", "300ms",
            "QUIPU_SANDBOX_CLEARING_RETURNDELAY", "600ms",
            "QUIPU_SANDBOX_SWIFT_SETTLEMENTDELAY", "300ms"));
    static final TestHttp LEDGER_ADMIN = new TestHttp(LEDGER.baseUrl(), TestTokens.get().service("payments-test", "ledger",
            "ledger:read", "ledger:write"));
    static final UUID SETTLEMENT = UUID.randomUUID();

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("quipu.services.ledger.url", LEDGER::baseUrl);
        registry.add("quipu.services.sandbox.url", SANDBOX::baseUrl);
        registry.add("quipu.services.fraud.url", STAND_INS::baseUrl);
        registry.add("quipu.services.identity.url", STAND_INS::baseUrl);
        registry.add("spring.security.oauth2.client.provider.quipu.token-uri", () -> TestTokens.get().tokenUri());
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void everythingBackUp() {
        STAND_INS.fraudDown = false;
        STAND_INS.decisionByAmount.clear();
        TestHttp sandbox = new TestHttp(SANDBOX.baseUrl(), null);
        sandbox.send(sandbox.builder("/sandbox/faults").DELETE().build());
    }

    // --- internal ------------------------------------------------------------------------------------------------------------

    @Test
    void anInternalPaymentMovesTheMoneyOnceAndIsAnnounced() throws Exception {
        Customer ana = Customer.withBalance(this, "PEN", "5000.00");
        Customer luis = Customer.withBalance(this, "PEN", "0.00");
        String key = UUID.randomUUID().toString();
        Map<String, Object> order = Map.of("type", "internal", "sourceAccountId", ana.accountId.toString(),
                "amount", money("150.25", "PEN"), "destinationAccountNumber", luis.accountNumber, "description", "almuerzo");
        HttpResponse<String> created = ana.pay(order, key);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode payment = JSON.readTree(created.body());
        assertThat(payment.get("state").asString()).isEqualTo("completed");
        assertThat(payment.get("history").toString()).contains("created", "authorized", "completed");
        assertThat(available(ana.accountId)).isEqualTo("4849.75");
        assertThat(available(luis.accountId)).isEqualTo("150.25");

        // The same Idempotency-Key again: the same payment, no second transfer.
        HttpResponse<String> repeated = ana.pay(order, key);
        assertThat(JSON.readTree(repeated.body()).get("id").asString()).isEqualTo(payment.get("id").asString());
        assertThat(available(ana.accountId)).isEqualTo("4849.75");

        List<String> types = eventTypes(payment.get("id").asString(), 3);
        assertThat(types).containsExactly("io.quipu.payments.payment.created", "io.quipu.payments.payment.authorized",
                "io.quipu.payments.payment.completed");

        // Not enough money: failed with the reason, nothing moved.
        Customer broke = Customer.withBalance(this, "PEN", "0.00");
        JsonNode tooMuch = broke.payInternal(luis, "50.00");
        assertThat(tooMuch.get("state").asString()).isEqualTo("failed");
        assertThat(tooMuch.get("failureReason").asString()).isEqualTo("insufficient_funds");
        assertThat(available(luis.accountId)).isEqualTo("150.25");
    }

    // --- interbank -----------------------------------------------------------------------------------------------------------

    @Test
    void anInterbankPaymentIsHeldSentSettledAndCompleted() throws Exception {
        Customer ana = Customer.withBalance(this, "PEN", "1000.00");
        JsonNode payment = ana.payInterbank(cci("002", "000123"), "200.00");
        assertThat(payment.get("state").asString()).as(payment.toString()).isIn("sent", "completed");
        // While it travels the money is held: available already down, posted not yet (or already, once settled).
        assertThat(available(ana.accountId)).isEqualTo("800.00");
        JsonNode completed = ana.awaitState(payment.get("id").asString(), "completed");
        assertThat(completed.get("clearingReference").asString()).isNotBlank();
        assertThat(account(ana.accountId).get("posted").get("amount").asString()).isEqualTo("800.00");
        assertThat(eventTypes(payment.get("id").asString(), 5)).containsExactly("io.quipu.payments.payment.created",
                "io.quipu.payments.payment.authorized", "io.quipu.payments.payment.held", "io.quipu.payments.payment.sent",
                "io.quipu.payments.payment.completed");
    }

    @Test
    void aPaymentTheClearingHouseRejectsFailsAndReleasesTheHold() throws Exception {
        Customer ana = Customer.withBalance(this, "PEN", "1000.00");
        JsonNode payment = ana.payInterbank(cci("003", "000901"), "300.00");
        JsonNode failed = ana.awaitState(payment.get("id").asString(), "failed");
        assertThat(failed.get("failureReason").asString()).isEqualTo("rejected_ac01");
        assertThat(available(ana.accountId)).isEqualTo("1000.00");
        assertThat(account(ana.accountId).get("debitsPending").get("amount").asString()).isEqualTo("0.00");
    }

    @Test
    void aPaymentReturnedAfterCompletionCreditsTheCustomerBack() throws Exception {
        Customer ana = Customer.withBalance(this, "PEN", "1000.00");
        JsonNode payment = ana.payInterbank(cci("011", "000903"), "250.00");
        JsonNode returned = ana.awaitState(payment.get("id").asString(), "returned");
        assertThat(returned.get("history").toString()).contains("completed", "returned");
        assertThat(available(ana.accountId)).isEqualTo("1000.00");
        assertThat(account(ana.accountId).get("posted").get("amount").asString()).isEqualTo("1000.00");
    }

    @Test
    void aClearingHouseThatTimesOutOnceIsTriedAgainAndTheSecondTrySucceeds() throws Exception {
        Customer ana = Customer.withBalance(this, "PEN", "1000.00");
        setFault("clearing", "down", 0, 1);
        JsonNode payment = ana.payInterbank(cci("002", "000456"), "100.00");
        // The answer comes with the hold in place; the sender may already have tried twice by the time it is written.
        assertThat(payment.get("state").asString()).isIn("held", "sent");
        ana.awaitState(payment.get("id").asString(), "completed");
        assertThat(available(ana.accountId)).isEqualTo("900.00");
        // The clearing house's one failing answer was spent: the completed payment took a second try.
        HttpResponse<String> faults = new TestHttp(SANDBOX.baseUrl(), null).get("/sandbox/faults");
        assertThat(faults.body()).doesNotContain("\"clearing\"");
    }

    @Test
    void aClearingHouseDownBeyondTheRetriesFailsThePaymentAndReleasesTheMoney() throws Exception {
        Customer ana = Customer.withBalance(this, "PEN", "1000.00");
        setFault("clearing", "down", 0, -1);
        JsonNode payment = ana.payInterbank(cci("009", "000789"), "100.00");
        JsonNode failed = ana.awaitState(payment.get("id").asString(), "failed");
        assertThat(failed.get("failureReason").asString()).isEqualTo("network_unavailable");
        assertThat(available(ana.accountId)).isEqualTo("1000.00");
    }

    // --- a crash between a remote call and the save ---------------------------------------------------------------------------

    @Test
    void aPaymentInterruptedAfterTheHoldIsFinishedOnceWhenResumed() throws Exception {
        Customer ana = Customer.withBalance(this, "PEN", "1000.00");
        // Fraud is slow to decide (review): the payment waits, and we play the crash around the hold.
        STAND_INS.decisionByAmount.put("120.00", "review");
        JsonNode waiting = ana.payInterbank(cci("002", "000321"), "120.00");
        UUID paymentId = UUID.fromString(waiting.get("id").asString());
        assertThat(waiting.get("state").asString()).isEqualTo("under_review");
        // As if the process had placed the hold and died before saving HELD: the ledger has the hold, the row says AUTHORIZED.
        jdbc.sql("update payments set state = 'AUTHORIZED', next_attempt_at = now() + interval '1 hour', version = version + 1 where id = :id")
                .param("id", paymentId).update();
        HttpResponse<String> hold = LEDGER_ADMIN.post("/transfers/batch", JSON.writeValueAsString(Map.of("transfers", List.of(
                Map.of("id", LedgerTransferIds.hold(paymentId).toString(), "debitAccountId", ana.accountId.toString(),
                        "creditAccountId", clearingAccount("PEN"), "amount", "120.00", "currency", "PEN", "code", "interbank_transfer",
                        "flags", List.of("PENDING"), "timeoutSeconds", 86400)))));
        assertThat(hold.body()).contains("\"ok\"");
        assertThat(available(ana.accountId)).isEqualTo("880.00");
        // The restart: the resumer finds it due and carries on; the hold is placed once, the money leaves once.
        jdbc.sql("update payments set next_attempt_at = now() where id = :id").param("id", paymentId).update();
        ana.awaitState(paymentId.toString(), "completed");
        assertThat(available(ana.accountId)).isEqualTo("880.00");
        assertThat(account(ana.accountId).get("posted").get("amount").asString()).isEqualTo("880.00");
    }

    @Test
    void aPaymentInterruptedAfterTheClearingHouseAcceptedItIsSentOnlyOnce() throws Exception {
        Customer ana = Customer.withBalance(this, "PEN", "1000.00");
        // An account ending in 905 never settles by itself: the payment stays sent until the test settles it.
        JsonNode sent = ana.payInterbank(cci("002", "000905"), "110.00");
        String paymentId = sent.get("id").asString();
        ana.awaitState(paymentId, "sent");
        String trace = ana.awaitState(paymentId, "sent").get("clearingReference").asString();
        // As if the process had died after the clearing house's 202 and before saving SENT.
        rewind(paymentId, "HELD");
        ana.awaitState(paymentId, "sent");
        TestHttp sandbox = new TestHttp(SANDBOX.baseUrl(), null);
        JsonNode atClearing = JSON.readTree(new TestHttp(SANDBOX.baseUrl(), null).send(sandbox.builder(
                "/clearing/v1/transfers?instructionId=" + paymentId).header("X-Api-Key", "sandbox-clearing-key").GET().build()).body());
        assertThat(atClearing.toString()).contains(trace);
        assertThat(ana.awaitState(paymentId, "sent").get("clearingReference").asString()).isEqualTo(trace);
        sandbox.post("/sandbox/clearing/transfers/" + trace + "/settle", "");
        ana.awaitState(paymentId, "completed");
        assertThat(account(ana.accountId).get("posted").get("amount").asString()).isEqualTo("890.00");
    }

    @Test
    void aPaymentInterruptedAfterPostingOrRefundingMovesTheMoneyOnlyOnce() throws Exception {
        Customer ana = Customer.withBalance(this, "PEN", "1000.00");
        JsonNode payment = ana.payInterbank(cci("011", "000903"), "75.00");
        String paymentId = payment.get("id").asString();
        ana.awaitState(paymentId, "completed");
        // Died after posting the hold, before saving COMPLETED: the post is repeated by id, the ledger answers "exists".
        rewind(paymentId, "SENT");
        ana.awaitState(paymentId, "returned");
        assertThat(available(ana.accountId)).isEqualTo("1000.00");
        // Died after the refund, before saving RETURNED: the refund is repeated by id, the customer is credited once.
        rewind(paymentId, "COMPLETED");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!"RETURNED".equals(stateInDatabase(paymentId)) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(stateInDatabase(paymentId)).isEqualTo("RETURNED");
        assertThat(available(ana.accountId)).isEqualTo("1000.00");
        assertThat(account(ana.accountId).get("posted").get("amount").asString()).isEqualTo("1000.00");
    }

    /** Puts a payment back in an earlier state, due now: what a crash between a step's remote call and its save leaves. */
    private void rewind(String paymentId, String state) {
        jdbc.sql("update payments set state = :state, failure_reason = null, next_attempt_at = now(), version = version + 1 where id = :id")
                .param("state", state).param("id", UUID.fromString(paymentId)).update();
    }

    private String stateInDatabase(String paymentId) {
        return jdbc.sql("select state from payments where id = :id").param("id", UUID.fromString(paymentId)).query(String.class).single();
    }

    // --- fraud -------------------------------------------------------------------------------------------------------------------

    @Test
    void fraudDecidesDenyReviewOrAllowAndItsOutageHasAFallback() throws Exception {
        Customer ana = Customer.withBalance(this, "PEN", "5000.00");
        Customer luis = Customer.withBalance(this, "PEN", "0.00");
        STAND_INS.decisionByAmount.put("66.00", "deny");
        JsonNode denied = ana.payInternal(luis, "66.00");
        assertThat(denied.get("state").asString()).isEqualTo("failed");
        assertThat(denied.get("failureReason").asString()).isEqualTo("fraud_denied");

        STAND_INS.decisionByAmount.put("77.00", "review");
        JsonNode review = ana.payInternal(luis, "77.00");
        assertThat(review.get("state").asString()).isEqualTo("under_review");
        STAND_INS.cases.put(UUID.fromString(review.get("fraudCaseId").asString()), "approved");
        ana.awaitState(review.get("id").asString(), "completed");

        STAND_INS.fraudDown = true;
        assertThat(ana.payInternal(luis, "40.00").get("state").asString()).isEqualTo("completed"); // below the fallback amount
        JsonNode held = ana.payInternal(luis, "600.00");
        assertThat(held.get("state").asString()).isEqualTo("under_review");
        STAND_INS.fraudDown = false;
        ana.awaitState(held.get("id").asString(), "completed");
        assertThat(available(luis.accountId)).isEqualTo("717.00");
    }

    // --- limits and step-up ------------------------------------------------------------------------------------------------------

    @Test
    void aboveTheStepUpLimitThePaymentWaitsForAnAuthorizationBoundToIt() throws Exception {
        Customer ana = Customer.withBalance(this, "PEN", "30000.00");
        Customer luis = Customer.withBalance(this, "PEN", "0.00");
        JsonNode waiting = ana.payInternal(luis, "1500.00");
        assertThat(waiting.get("state").asString()).isEqualTo("awaiting_authorization");
        UUID paymentId = UUID.fromString(waiting.get("id").asString());
        String payee = "QUIPU:" + luis.accountNumber;

        HttpResponse<String> wrongAmount = ana.authorize(paymentId, PlatformStandIns.stepUpFor(paymentId, "15.00", "PEN", payee));
        assertThat(wrongAmount.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(wrongAmount.body()).get("code").asString()).isEqualTo("step_up_refused");
        assertThat(available(luis.accountId)).isEqualTo("0.00");

        HttpResponse<String> right = ana.authorize(paymentId, PlatformStandIns.stepUpFor(paymentId, "1500.00", "PEN", payee));
        assertThat(right.statusCode()).as(right.body()).isEqualTo(200);
        assertThat(JSON.readTree(right.body()).get("state").asString()).isEqualTo("completed");
        assertThat(available(luis.accountId)).isEqualTo("1500.00");

        HttpResponse<String> overLimit = ana.pay(Map.of("type", "internal", "sourceAccountId", ana.accountId.toString(),
                "amount", money("20000.01", "PEN"), "destinationAccountNumber", luis.accountNumber), UUID.randomUUID().toString());
        assertThat(overLimit.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(overLimit.body()).get("code").asString()).isEqualTo("per_transaction_limit_exceeded");
    }

    // --- international ---------------------------------------------------------------------------------------------------------

    @Test
    void anInternationalPaymentUsesAQuoteAndALinkedPairThroughTheFxPosition() throws Exception {
        Customer ana = Customer.withBalance(this, "PEN", "10000.00");
        TestHttp sandbox = new TestHttp(SANDBOX.baseUrl(), null);
        sandbox.send(sandbox.builder("/sandbox/fx/rates/USD/PEN").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"rate\": \"3.750000\"}")).build());
        HttpResponse<String> quoted = ana.http.post("/fx/quotes", JSON.writeValueAsString(Map.of("sourceCurrency", "PEN",
                "targetAmount", money("100.00", "USD"))));
        assertThat(quoted.statusCode()).as(quoted.body()).isEqualTo(201);
        JsonNode quote = JSON.readTree(quoted.body());
        // 3.75 plus 0.80 % spread = 3.780000 PEN per USD.
        assertThat(quote.get("rate").asString()).isEqualTo("3.780000");
        assertThat(quote.get("sourceAmount").get("amount").asString()).isEqualTo("378.00");

        HttpResponse<String> created = ana.pay(Map.of("type", "international", "sourceAccountId", ana.accountId.toString(),
                "amount", money("378.00", "PEN"), "beneficiaryIban", "DE89 3704 0044 0532 0130 00", "beneficiaryBic", "COBADEFFXXX",
                "beneficiaryName", "Hans Müller", "fxQuoteId", quote.get("id").asString()), UUID.randomUUID().toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode payment = JSON.readTree(created.body());
        ana.awaitState(payment.get("id").asString(), "completed");
        assertThat(available(ana.accountId)).isEqualTo("9622.00");

        // A quote works once.
        HttpResponse<String> again = ana.pay(Map.of("type", "international", "sourceAccountId", ana.accountId.toString(),
                "amount", money("378.00", "PEN"), "beneficiaryIban", "DE89370400440532013000", "beneficiaryBic", "COBADEFFXXX",
                "beneficiaryName", "Hans Müller", "fxQuoteId", quote.get("id").asString()), UUID.randomUUID().toString());
        assertThat(JSON.readTree(again.body()).get("code").asString()).isEqualTo("quote_used");
    }

    // --- who may do what, and bad input -------------------------------------------------------------------------------------------

    @Test
    void nobodyPaysFromOrReadsSomeoneElsesAccountAndBadInputIsA4xx() throws Exception {
        Customer ana = Customer.withBalance(this, "PEN", "1000.00");
        Customer luis = Customer.withBalance(this, "PEN", "1000.00");
        HttpResponse<String> fromAnas = luis.pay(Map.of("type", "internal", "sourceAccountId", ana.accountId.toString(),
                "amount", money("10.00", "PEN"), "destinationAccountNumber", luis.accountNumber), UUID.randomUUID().toString());
        assertThat(fromAnas.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(fromAnas.body()).get("code").asString()).isEqualTo("account_not_found");
        String anasPayment = ana.payInternal(luis, "5.00").get("id").asString();
        assertThat(luis.http.get("/payments/" + anasPayment).statusCode()).isEqualTo(404);
        assertThat(luis.http.get("/payments?accountId=" + ana.accountId).statusCode()).isEqualTo(404);
        assertThat(ana.http.get("/payments?accountId=" + ana.accountId).body()).contains(anasPayment);

        assertProblem(ana.http.post("/payments", "{\"type\": \"internal\"}"), 400, null);
        assertProblem(ana.pay(Map.of("type", "interbank", "sourceAccountId", ana.accountId.toString(), "amount", money("10.00", "PEN"),
                "destinationCci", "00200100000012345699", "beneficiaryName", "X"), UUID.randomUUID().toString()), 400, "validation_failed");
        assertProblem(ana.pay(Map.of("type", "internal", "sourceAccountId", ana.accountId.toString(), "amount", money("-5.00", "PEN"),
                "destinationAccountNumber", luis.accountNumber), UUID.randomUUID().toString()), 400, null);
        assertProblem(ana.pay(Map.of("type", "internal", "sourceAccountId", ana.accountId.toString(), "amount", money("5.00", "USD"),
                "destinationAccountNumber", luis.accountNumber), UUID.randomUUID().toString()), 400, null);
        assertProblem(ana.pay(Map.of("type", "wire", "sourceAccountId", ana.accountId.toString(), "amount", money("5.00", "PEN")),
                UUID.randomUUID().toString()), 400, "validation_failed");
        assertProblem(ana.http.send(ana.http.builder("/payments").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("type", "internal",
                        "sourceAccountId", ana.accountId.toString(), "amount", money("5.00", "PEN"),
                        "destinationAccountNumber", luis.accountNumber)))).build()), 400, "idempotency_key_required");
        TestHttp staff = new TestHttp(port, TestTokens.get().staff("demo.analyst", "payments", List.of("analyst"), "payments:read"));
        assertThat(staff.get("/payments/" + anasPayment).statusCode()).isEqualTo(200);
        assertProblem(staff.post("/payments", "{}"), 403, null);
    }

    @Test
    void theClearingHousesNotificationsNeedItsSignature() throws Exception {
        TestHttp open = new TestHttp(port, null);
        byte[] body = "{\"traceNumber\":\"123456789012345\",\"status\":\"settled\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> forged = open.send(open.builder("/payments/clearing/notifications").header("Content-Type", "application/json")
                .header("X-Clearing-Signature", "sha256=00").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertProblem(forged, 401, "invalid_signature");
        String signature = "sha256=" + new WebhookSignatures("sandbox-clearing-webhook-secret").sign(body);
        HttpResponse<String> signed = open.send(open.builder("/payments/clearing/notifications").header("Content-Type", "application/json")
                .header("X-Clearing-Signature", signature).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
        assertThat(signed.statusCode()).isEqualTo(204); // an unknown reference is ignored
    }

    // --- helpers -----------------------------------------------------------------------------------------------------------------

    /** A customer with one account in the real ledger, funded from a settlement account, and a token of theirs. */
    static final class Customer {
        final UUID customerId = UUID.randomUUID();
        final UUID accountId = UUID.randomUUID();
        String accountNumber;
        TestHttp http;

        static Customer withBalance(PaymentsFlowTest test, String currency, String balance) throws Exception {
            Customer customer = new Customer();
            customer.http = new TestHttp(test.port, TestTokens.get().customer(customer.customerId, "payments", "payments:read",
                    "payments:write"));
            HttpResponse<String> opened = LEDGER_ADMIN.post("/accounts", JSON.writeValueAsString(Map.of("id", customer.accountId.toString(),
                    "customerId", customer.customerId.toString(), "product", "SAVINGS", "currency", currency)));
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
            customer.accountNumber = JSON.readTree(opened.body()).get("accountNumber").asString();
            if (!"0.00".equals(balance)) {
                UUID settlement = settlement(currency);
                HttpResponse<String> funded = LEDGER_ADMIN.post("/transfers/batch", JSON.writeValueAsString(Map.of("transfers", List.of(
                        Map.of("id", UUID.randomUUID().toString(), "debitAccountId", settlement.toString(),
                                "creditAccountId", customer.accountId.toString(), "amount", balance, "currency", currency,
                                "code", "deposit")))));
                assertThat(funded.body()).contains("\"ok\"");
            }
            return customer;
        }

        HttpResponse<String> pay(Map<String, Object> order, String idempotencyKey) throws Exception {
            return http.send(http.builder("/payments").header("Content-Type", "application/json").header("Idempotency-Key", idempotencyKey)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(order))).build());
        }

        JsonNode payInternal(Customer to, String amount) throws Exception {
            HttpResponse<String> created = pay(Map.of("type", "internal", "sourceAccountId", accountId.toString(),
                    "amount", money(amount, "PEN"), "destinationAccountNumber", to.accountNumber), UUID.randomUUID().toString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            return JSON.readTree(created.body());
        }

        JsonNode payInterbank(String cci, String amount) throws Exception {
            HttpResponse<String> created = pay(Map.of("type", "interbank", "sourceAccountId", accountId.toString(),
                    "amount", money(amount, "PEN"), "destinationCci", cci, "beneficiaryName", "María Pérez"), UUID.randomUUID().toString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            return JSON.readTree(created.body());
        }

        HttpResponse<String> authorize(UUID paymentId, String stepUp) throws Exception {
            return http.post("/payments/" + paymentId + "/authorization", JSON.writeValueAsString(Map.of("stepUpAuthorization", stepUp)));
        }

        JsonNode awaitState(String paymentId, String state) throws Exception {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            JsonNode current = JSON.readTree(http.get("/payments/" + paymentId).body());
            while (!state.equals(current.get("state").asString()) && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
                current = JSON.readTree(http.get("/payments/" + paymentId).body());
            }
            assertThat(current.get("state").asString()).as(current.toString()).isEqualTo(state);
            return current;
        }
    }

    private static final Map<String, UUID> SETTLEMENTS = new java.util.concurrent.ConcurrentHashMap<>();

    static synchronized UUID settlement(String currency) throws Exception {
        UUID existing = SETTLEMENTS.get(currency);
        if (existing != null) {
            return existing;
        }
        UUID id = UUID.randomUUID();
        HttpResponse<String> opened = LEDGER_ADMIN.post("/accounts", JSON.writeValueAsString(Map.of("id", id.toString(),
                "product", "SETTLEMENT", "currency", currency)));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        SETTLEMENTS.put(currency, id);
        return id;
    }

    static String clearingAccount(String currency) {
        return UUID.nameUUIDFromBytes(("quipu-bank-account:CLEARING:" + currency).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A valid CCI at {@code bank} whose account part ends with {@code ending} (the sandbox's special numbers). */
    static String cci(String bank, String ending) {
        String account = String.format("%06d", ThreadLocalRandom.current().nextInt(1, 999_999)) + ending;
        String branch = "001";
        return bank + branch + account + AccountNumbers.cciCheckDigit(bank + branch) + AccountNumbers.cciCheckDigit(account);
    }

    static Map<String, Object> money(String amount, String currency) {
        Map<String, Object> money = new LinkedHashMap<>();
        money.put("amount", amount);
        money.put("currency", currency);
        return money;
    }

    static JsonNode account(UUID id) {
        return JSON.readTree(LEDGER_ADMIN.get("/accounts/" + id).body());
    }

    static String available(UUID id) {
        return account(id).get("available").get("amount").asString();
    }

    static void setFault(String provider, String mode, int delayMillis, int remainingCalls) {
        TestHttp sandbox = new TestHttp(SANDBOX.baseUrl(), null);
        HttpResponse<String> set = sandbox.send(sandbox.builder("/sandbox/faults/" + provider).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("mode", mode, "delayMillis", delayMillis,
                        "remainingCalls", remainingCalls)))).build());
        assertThat(set.statusCode()).as(set.body()).isBetween(200, 204);
    }

    static List<String> eventTypes(String paymentId, int expected) {
        List<String> types = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("payments"));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (types.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (paymentId.equals(record.key())) {
                        types.add(JSON.readTree(record.value()).get("type").asString());
                    }
                }
            }
        }
        return types;
    }
}

package io.quipu.fraud.api;

import static io.quipu.platform.test.ProblemAssertions.assertFieldError;
import static io.quipu.platform.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import io.quipu.contracts.identity.AuthEvent;
import io.quipu.contracts.identity.IdentityContracts;
import io.quipu.fraud.config.FailedLoginRetention;
import io.quipu.fraud.store.FailedLoginStore;
import io.quipu.platform.events.CloudEventCodec;
import io.quipu.platform.test.EmbeddedInfrastructure;
import io.quipu.platform.test.TestHttp;
import io.quipu.platform.test.TestInfrastructure;
import io.quipu.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fraud service over HTTP with real PostgreSQL and Kafka: decisions, review cases, the auth-events consumer, who
 * may call what. The clock is set to noon in Lima before each test (the hour rule is tested by moving it).
 */
@EmbeddedInfrastructure(database = "fraud")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FraudApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ZoneId LIMA = ZoneId.of("America/Lima");
    static final String PAYMENTS = TestTokens.get().service("payments", "fraud", "fraud:check", "fraud:read");
    static final String ANALYST = TestTokens.get().staff("demo.analyst", "fraud", List.of("analyst"), "fraud:read");
    static final String AUDITOR = TestTokens.get().staff("demo.auditor", "fraud", List.of("auditor"), "fraud:read");

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
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    CloudEventCodec codec;
    @Autowired
    FailedLoginStore failedLogins;
    @Autowired
    FailedLoginRetention retention;

    @BeforeEach
    void noonInLima() {
        setLimaTime(LocalTime.NOON);
    }

    void setLimaTime(LocalTime time) {
        clock.set(LocalDate.now(LIMA).atTime(time).atZone(LIMA).toInstant());
    }

    TestHttp as(String token) {
        return new TestHttp(port, token);
    }

    // --- decisions ---------------------------------------------------------------------------------------------------

    @Test
    void anOrdinaryPaymentIsAllowedAndItsDecisionCanBeReadAgain() {
        assertThat(injectedClock).isSameAs(clock);
        Payment payment = Payment.of(UUID.randomUUID(), "150.00", "PEN");
        JsonNode decision = check(payment, 200);
        assertThat(decision.get("decision").asString()).isEqualTo("allow");
        assertThat(decision.get("reasons")).isEmpty();
        assertThat(decision.get("riskScore").asInt()).isZero();
        assertThat(decision.get("caseId").isNull()).isTrue();
        assertThat(decision.get("paymentId").asString()).isEqualTo(payment.paymentId.toString());

        for (String token : List.of(PAYMENTS, ANALYST, AUDITOR)) {
            HttpResponse<String> read = as(token).get("/fraud/decisions/" + payment.paymentId);
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(json(read).get("decisionId").asString()).isEqualTo(decision.get("decisionId").asString());
        }
        assertProblem(as(PAYMENTS).get("/fraud/decisions/" + UUID.randomUUID()), 404, "decision_not_found");
        assertThat(as(null).get("/actuator/prometheus").body()).contains("quipu_fraud_decisions_total{decision=\"allow\"");
    }

    @Test
    void aReviewOpensACaseThatAnAnalystApproves() {
        UUID customer = UUID.randomUUID();
        // A new payee from PEN 2,000.00 on: 30 points, review.
        Payment payment = Payment.of(customer, "2500.00", "PEN");
        JsonNode decision = check(payment, 200);
        assertThat(decision.get("decision").asString()).isEqualTo("review");
        assertThat(strings(decision.get("reasons"))).containsExactly("new_payee_high_amount");
        assertThat(decision.get("riskScore").asInt()).isEqualTo(30);
        String caseId = decision.get("caseId").asString();

        JsonNode opened = json(as(PAYMENTS).get("/fraud/cases/" + caseId));
        assertThat(opened.get("status").asString()).isEqualTo("open");
        assertThat(opened.get("paymentId").asString()).isEqualTo(payment.paymentId.toString());
        assertThat(opened.get("customerId").asString()).isEqualTo(customer.toString());
        assertThat(opened.get("amount").get("amount").asString()).isEqualTo("2500.00");
        assertThat(opened.get("amount").get("currency").asString()).isEqualTo("PEN");
        assertThat(opened.get("payee").asString()).isEqualTo(payment.payee);
        assertThat(opened.get("resolvedAt").isNull()).isTrue();
        assertThat(openCaseIds()).contains(caseId);

        HttpResponse<String> approved = as(ANALYST).post("/fraud/cases/" + caseId + "/approve", "{\"note\":\"called the customer\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(json(approved).get("status").asString()).isEqualTo("approved");

        JsonNode read = json(as(PAYMENTS).get("/fraud/cases/" + caseId));
        assertThat(read.get("status").asString()).isEqualTo("approved");
        assertThat(read.get("resolvedBy").asString()).isEqualTo("demo.analyst");
        assertThat(read.get("resolution").asString()).isEqualTo("called the customer");
        assertThat(read.get("resolvedAt").isNull()).isFalse();
        assertThat(openCaseIds()).doesNotContain(caseId);

        // Both went to the audit log, keyed by the case.
        assertThat(eventTypes("audit-logs", caseId, 2)).containsExactly("io.quipu.fraud.case.opened", "io.quipu.fraud.case.approved");

        // The approved payment went ahead: its payee is no longer new, so the same amount is allowed now.
        Payment again = new Payment(UUID.randomUUID(), customer, payment.payee, "2500.00", "PEN");
        assertThat(check(again, 200).get("decision").asString()).isEqualTo("allow");
    }

    @Test
    void aCaseIsResolvedOnlyOnce() {
        String caseId = check(Payment.of(UUID.randomUUID(), "3000.00", "PEN"), 200).get("caseId").asString();
        HttpResponse<String> rejected = as(ANALYST).post("/fraud/cases/" + caseId + "/reject", "");
        assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
        assertThat(json(rejected).get("status").asString()).isEqualTo("rejected");
        assertThat(json(rejected).get("resolution").isNull()).isTrue();

        assertProblem(as(ANALYST).post("/fraud/cases/" + caseId + "/approve", "{}"), 409, "case_already_resolved");
        assertProblem(as(ANALYST).post("/fraud/cases/" + caseId + "/reject", "{\"note\":\"again\"}"), 409, "case_already_resolved");
        assertThat(json(as(ANALYST).get("/fraud/cases/" + caseId)).get("status").asString()).isEqualTo("rejected");
        assertThat(eventTypes("audit-logs", caseId, 2)).containsExactly("io.quipu.fraud.case.opened", "io.quipu.fraud.case.rejected");
    }

    @Test
    void unknownCasesAreNotFound() {
        UUID unknown = UUID.randomUUID();
        assertProblem(as(ANALYST).get("/fraud/cases/" + unknown), 404, "case_not_found");
        assertProblem(as(PAYMENTS).get("/fraud/cases/" + unknown), 404, "case_not_found");
        assertProblem(as(ANALYST).post("/fraud/cases/" + unknown + "/approve", "{}"), 404, "case_not_found");
        assertProblem(as(ANALYST).get("/fraud/cases/not-a-uuid"), 400, "invalid_parameter");
    }

    @Test
    void manyRulesAtOnceDeny() {
        setLimaTime(LocalTime.of(2, 30));
        // New customer above PEN 5,000.00 (40), new payee (30), 02:30 in Lima (15): 85.
        JsonNode decision = check(Payment.of(UUID.randomUUID(), "8000.00", "PEN"), 200);
        assertThat(decision.get("decision").asString()).isEqualTo("deny");
        assertThat(strings(decision.get("reasons"))).containsExactly("amount_above_usual", "new_payee_high_amount", "unusual_hour");
        assertThat(decision.get("riskScore").asInt()).isEqualTo(85);
        assertThat(decision.get("caseId").isNull()).isTrue();
    }

    @Test
    void theHourRuleReadsTheClockInLima() {
        setLimaTime(LocalTime.of(4, 59));
        JsonNode night = check(Payment.of(UUID.randomUUID(), "20.00", "USD"), 200);
        assertThat(strings(night.get("reasons"))).containsExactly("unusual_hour");
        assertThat(night.get("decision").asString()).isEqualTo("allow");
        clock.advance(Duration.ofMinutes(2));
        assertThat(check(Payment.of(UUID.randomUUID(), "20.00", "USD"), 200).get("reasons")).isEmpty();
    }

    @Test
    void aRepeatedPaymentIdGetsTheStoredDecisionEvenAfterTheHistoryChanged() {
        UUID customer = UUID.randomUUID();
        Payment first = Payment.of(customer, "100.00", "PEN");
        JsonNode decision = check(first, 200);
        assertThat(decision.get("decision").asString()).isEqualTo("allow");
        for (int i = 0; i < 5; i++) {
            check(Payment.of(customer, "100.00", "PEN"), 200);
        }
        setLimaTime(LocalTime.of(3, 0));
        JsonNode repeated = check(first, 200);
        assertThat(repeated.toString()).isEqualTo(decision.toString());
        assertThat(jdbc.sql("select count(*) from payment_checks where payment_id = :id").param("id", first.paymentId)
                .query(Integer.class).single()).isEqualTo(1);

        // The same id with another amount is another payment: refused.
        assertProblem(as(PAYMENTS).post("/fraud/checks", new Payment(first.paymentId, customer, first.payee, "100.01", "PEN").json()),
                422, "payment_id_reused");
    }

    @Test
    void theFifthPaymentInTenMinutesTripsVelocity() {
        UUID customer = UUID.randomUUID();
        for (int i = 1; i <= 4; i++) {
            assertThat(check(Payment.of(customer, "50.00", "PEN"), 200).get("reasons")).as("payment " + i).isEmpty();
        }
        JsonNode fifth = check(Payment.of(customer, "50.00", "PEN"), 200);
        assertThat(strings(fifth.get("reasons"))).containsExactly("velocity");
        assertThat(fifth.get("riskScore").asInt()).isEqualTo(25);

        // Ten minutes later the window is empty again.
        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        assertThat(check(Payment.of(customer, "50.00", "PEN"), 200).get("reasons")).isEmpty();
    }

    @Test
    void anAmountFarAboveTheCustomersUsualIsHeld() {
        UUID customer = UUID.randomUUID();
        String payee = "QUIPU:" + digits(14);
        for (String amount : List.of("100.00", "120.00", "110.00")) {
            check(new Payment(UUID.randomUUID(), customer, payee, amount, "PEN"), 200);
        }
        clock.advance(Duration.ofMinutes(11));
        // median 110.00: 330.01 is not usual (held: it does not become usual itself), 330.00 is
        JsonNode above = check(new Payment(UUID.randomUUID(), customer, payee, "330.01", "PEN"), 200);
        assertThat(strings(above.get("reasons"))).containsExactly("amount_above_usual");
        assertThat(above.get("decision").asString()).isEqualTo("review");
        assertThat(check(new Payment(UUID.randomUUID(), customer, payee, "330.00", "PEN"), 200).get("reasons")).isEmpty();
    }

    // --- failed logins from auth-events ----------------------------------------------------------------------------------

    @Test
    void failedLoginsFromAuthEventsTripTheRuleAndARedeliveredEventCountsOnce() throws Exception {
        UUID customer = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        UUID loginFailed = UUID.randomUUID();
        UUID otpFailed = UUID.randomUUID();
        publish(loginFailed, IdentityContracts.LOGIN_FAILED, user, customer, "wrong_password");
        byte[] otpEvent = publish(otpFailed, IdentityContracts.OTP_FAILED, user, customer, "wrong_otp");
        // Delivered again (a producer retry, an outbox resend after a crash): same event id.
        kafka.send("auth-events", user.toString(), otpEvent).get();
        // A staff member's failures and a success are not counted; the success tells when the partition got this far.
        publish(UUID.randomUUID(), IdentityContracts.LOGIN_FAILED, user, null, "wrong_password");
        UUID succeeded = UUID.randomUUID();
        publish(succeeded, IdentityContracts.LOGIN_SUCCEEDED, user, customer, null);
        awaitProcessed(succeeded);
        assertThat(failedLogins.countBetween(customer, clock.instant().minus(Duration.ofHours(1)), clock.instant()))
                .isEqualTo(2);
        assertThat(check(Payment.of(customer, "10.00", "PEN"), 200).get("reasons")).isEmpty();

        UUID locked = UUID.randomUUID();
        publish(locked, IdentityContracts.ACCOUNT_LOCKED, user, customer, "account_locked");
        awaitProcessed(locked);
        JsonNode decision = check(Payment.of(customer, "10.00", "PEN"), 200);
        assertThat(strings(decision.get("reasons"))).containsExactly("recent_failed_logins");
        assertThat(decision.get("riskScore").asInt()).isEqualTo(35);
        assertThat(decision.get("decision").asString()).isEqualTo("review");

        // Half an hour later they are no longer recent.
        clock.advance(Duration.ofMinutes(31));
        assertThat(check(Payment.of(customer, "10.00", "PEN"), 200).get("reasons")).isEmpty();
    }

    @Test
    void wrongStepUpResetAndPasskeyAttemptsCountAsFailedLoginsButTheirSuccessesDoNot() throws Exception {
        // Someone in the session without the phone (step-up), or taking the account over through "forgot my password".
        UUID customer = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        publish(UUID.randomUUID(), IdentityContracts.STEP_UP_FAILED, user, customer, "wrong_otp");
        publish(UUID.randomUUID(), IdentityContracts.PASSWORD_RESET_FAILED, user, customer, "wrong_otp");
        publish(UUID.randomUUID(), IdentityContracts.PASSKEY_FAILED, user, customer, "invalid_passkey");
        publish(UUID.randomUUID(), IdentityContracts.STEP_UP_CONFIRMED, user, customer, null);
        UUID completed = UUID.randomUUID();
        publish(completed, IdentityContracts.PASSWORD_RESET_COMPLETED, user, customer, null);
        awaitProcessed(completed);
        assertThat(failedLogins.countBetween(customer, clock.instant().minus(Duration.ofHours(1)), clock.instant()))
                .isEqualTo(3);
        assertThat(strings(check(Payment.of(customer, "10.00", "PEN"), 200).get("reasons"))).containsExactly("recent_failed_logins");
    }

    @Test
    void anUnreadableAuthEventGoesToTheDeadLetterTopicAndTheNextOnesAreStillCounted() throws Exception {
        UUID customer = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        kafka.send("auth-events", user.toString(), "not a cloud event".getBytes()).get();
        UUID failed = UUID.randomUUID();
        publish(failed, IdentityContracts.LOGIN_FAILED, user, customer, "wrong_password");
        awaitProcessed(failed);
        assertThat(failedLogins.countBetween(customer, clock.instant().minus(Duration.ofHours(1)), clock.instant())).isEqualTo(1);
        assertThat(new String(awaitRecord("auth-events.DLT", user.toString()).value())).isEqualTo("not a cloud event");
    }

    @Test
    void theSamePaymentAskedAboutConcurrentlyIsJudgedOnce() throws Exception {
        Payment payment = Payment.of(UUID.randomUUID(), "2500.00", "PEN");
        List<java.util.concurrent.Future<JsonNode>> answers = new ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> check(payment, 200)));
            }
            Set<String> decisions = new HashSet<>();
            for (java.util.concurrent.Future<JsonNode> answer : answers) {
                decisions.add(answer.get().toString());
            }
            assertThat(decisions).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from fraud_cases where payment_id = :id").param("id", payment.paymentId)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void failedLoginsOlderThanADayAreDeleted() {
        UUID customer = UUID.randomUUID();
        Instant now = clock.instant();
        failedLogins.insert(customer, IdentityContracts.LOGIN_FAILED, now.minus(Duration.ofHours(25)));
        failedLogins.insert(customer, IdentityContracts.LOGIN_FAILED, now.minus(Duration.ofHours(26)));
        failedLogins.insert(customer, IdentityContracts.OTP_FAILED, now.minus(Duration.ofMinutes(5)));
        assertThat(retention.deleteExpired()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.sql("select count(*) from failed_logins where customer_id = :customer").param("customer", customer)
                .query(Integer.class).single()).isEqualTo(1);
    }

    // --- who may do what -----------------------------------------------------------------------------------------------

    @Test
    void aCustomersTokenReachesNothing() {
        UUID customer = UUID.randomUUID();
        String caseId = check(Payment.of(customer, "2500.00", "PEN"), 200).get("caseId").asString();
        Payment payment = Payment.of(customer, "10.00", "PEN");
        // Even with the scopes: a customer never decides on or reads fraud data, not even their own.
        TestHttp asCustomer = as(TestTokens.get().customer(customer, "fraud", "fraud:check", "fraud:read"));
        assertProblem(asCustomer.post("/fraud/checks", payment.json()), 403, "forbidden");
        assertProblem(asCustomer.get("/fraud/cases"), 403, "forbidden");
        assertProblem(asCustomer.get("/fraud/cases/" + caseId), 403, "forbidden");
        assertProblem(asCustomer.post("/fraud/cases/" + caseId + "/approve", "{}"), 403, "forbidden");
        assertProblem(asCustomer.post("/fraud/cases/" + caseId + "/reject", "{}"), 403, "forbidden");
        assertProblem(asCustomer.get("/fraud/decisions/" + payment.paymentId), 403, "forbidden");
        assertThat(json(as(ANALYST).get("/fraud/cases/" + caseId)).get("status").asString()).isEqualTo("open");
    }

    @Test
    void eachCallerOnlyWhatTheirRoleAllows() {
        String caseId = check(Payment.of(UUID.randomUUID(), "2500.00", "PEN"), 200).get("caseId").asString();
        // An analyst does not ask for decisions; the payments service neither lists nor resolves cases.
        assertProblem(as(ANALYST).post("/fraud/checks", Payment.of(UUID.randomUUID(), "10.00", "PEN").json()), 403, "forbidden");
        assertProblem(as(PAYMENTS).post("/fraud/cases/" + caseId + "/approve", "{}"), 403, "forbidden");
        assertProblem(as(PAYMENTS).post("/fraud/cases/" + caseId + "/reject", "{}"), 403, "forbidden");
        assertProblem(as(PAYMENTS).get("/fraud/cases"), 403, "forbidden");
        // An auditor reads, but does not resolve or list the queue.
        assertThat(as(AUDITOR).get("/fraud/cases/" + caseId).statusCode()).isEqualTo(200);
        assertProblem(as(AUDITOR).post("/fraud/cases/" + caseId + "/approve", "{}"), 403, "forbidden");
        assertProblem(as(AUDITOR).get("/fraud/cases"), 403, "forbidden");
        // A service with only fraud:read reads but does not ask.
        TestHttp reader = as(TestTokens.get().service("payments", "fraud", "fraud:read"));
        assertThat(reader.get("/fraud/cases/" + caseId).statusCode()).isEqualTo(200);
        assertProblem(reader.post("/fraud/checks", Payment.of(UUID.randomUUID(), "10.00", "PEN").json()), 403, "forbidden");
        // An administrator resolves.
        TestHttp admin = as(TestTokens.get().staff("demo.admin", "fraud", List.of("admin")));
        assertThat(admin.post("/fraud/cases/" + caseId + "/reject", "{}").statusCode()).isEqualTo(200);
        // No token, a token for another service: 401.
        assertProblem(as(null).get("/fraud/cases/" + caseId), 401, "unauthenticated");
        assertProblem(as(TestTokens.get().service("payments", "ledger", "fraud:check")).post("/fraud/checks",
                Payment.of(UUID.randomUUID(), "10.00", "PEN").json()), 401, "unauthenticated");
    }

    // --- bad input -----------------------------------------------------------------------------------------------------

    @Test
    void badInputIsA400ProblemAndNothingIsStored() {
        Payment valid = Payment.of(UUID.randomUUID(), "10.00", "PEN");
        Map<String, Object> body = valid.body();
        assertFieldError(post(with(body, "paymentId", null)), "paymentId");
        assertFieldError(post(with(body, "customerId", "not-a-uuid")), "customerId");
        assertFieldError(post(with(body, "payee", "ab")), "payee");
        assertFieldError(post(with(body, "paymentType", "cash")), "paymentType");
        assertFieldError(post(with(body, "channel", "fax")), "channel");
        assertFieldError(post(with(body, "requestedAt", null)), "requestedAt");
        assertFieldError(post(with(body, "amount", Map.of("amount", "-5.00", "currency", "PEN"))), "amount");
        assertFieldError(post(with(body, "amount", Map.of("amount", "0.00", "currency", "PEN"))), "amount");
        assertFieldError(post(with(body, "amount", Map.of("amount", "10.001", "currency", "PEN"))), "amount");
        assertFieldError(post(with(body, "amount", Map.of("amount", 10.5, "currency", "PEN"))), "amount");
        assertFieldError(post(with(body, "amount", Map.of("amount", "10.00", "currency", "EUR"))), "amount");
        assertProblem(as(PAYMENTS).post("/fraud/checks", "{\"paymentId\":"), 400, "malformed_json");
        assertThat(jdbc.sql("select count(*) from payment_checks where payment_id = :id").param("id", valid.paymentId)
                .query(Integer.class).single()).isZero();

        assertProblem(as(ANALYST).get("/fraud/cases?limit=101"), 400, "validation_failed");
        assertProblem(as(ANALYST).get("/fraud/cases?limit=0"), 400, "validation_failed");
        assertProblem(as(ANALYST).get("/fraud/cases?status=pending"), 400, "validation_failed");
        assertProblem(as(ANALYST).get("/fraud/cases?cursor=%25%25"), 400, "validation_failed");
        String caseId = check(Payment.of(UUID.randomUUID(), "2500.00", "PEN"), 200).get("caseId").asString();
        assertProblem(as(ANALYST).post("/fraud/cases/" + caseId + "/approve", "{\"note\":\"" + "x".repeat(501) + "\"}"),
                400, "validation_failed");
        assertThat(json(as(ANALYST).get("/fraud/cases/" + caseId)).get("status").asString()).isEqualTo("open");
    }

    @Test
    void theQueuePagesThroughOpenCasesOldestFirst() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            mine.add(check(Payment.of(UUID.randomUUID(), "2500.00", "PEN"), 200).get("caseId").asString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = json(as(ANALYST).get("/fraud/cases?status=open&limit=2" + (cursor == null ? "" : "&cursor=" + cursor)));
            assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
            page.get("items").forEach(item -> {
                assertThat(item.get("status").asString()).isEqualTo("open");
                seen.add(item.get("id").asString());
            });
            cursor = page.get("nextCursor") == null || page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null && pages < 1000);
        assertThat(new HashSet<>(seen)).hasSameSizeAs(seen);
        assertThat(seen).containsSubsequence(mine);
        assertThat(seen.subList(seen.size() - 3, seen.size())).containsExactlyElementsOf(mine);
    }

    // --- helpers --------------------------------------------------------------------------------------------------------

    /** A payment as the payments service asks about it; a new payee each time unless given. */
    record Payment(UUID paymentId, UUID customerId, String payee, String amount, String currency) {

        static Payment of(UUID customerId, String amount, String currency) {
            return new Payment(UUID.randomUUID(), customerId, "CCI:" + digits(20), amount, currency);
        }

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("paymentId", paymentId.toString());
            body.put("customerId", customerId.toString());
            body.put("sourceAccountId", UUID.nameUUIDFromBytes(customerId.toString().getBytes()).toString());
            body.put("payee", payee);
            body.put("paymentType", payee.startsWith("QUIPU:") ? "internal" : "interbank");
            body.put("amount", Map.of("amount", amount, "currency", currency));
            body.put("channel", "mobile");
            body.put("requestedAt", Instant.now().toString());
            return body;
        }

        String json() {
            return JSON.writeValueAsString(body());
        }
    }

    static String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }

    JsonNode check(Payment payment, int expectedStatus) {
        HttpResponse<String> response = as(PAYMENTS).post("/fraud/checks", payment.json());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return json(response);
    }

    HttpResponse<String> post(Map<String, Object> body) {
        return as(PAYMENTS).post("/fraud/checks", JSON.writeValueAsString(body));
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    List<String> openCaseIds() {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = json(as(ANALYST).get("/fraud/cases?status=open&limit=100" + (cursor == null ? "" : "&cursor=" + cursor)));
            page.get("items").forEach(item -> ids.add(item.get("id").asString()));
            cursor = page.get("nextCursor") == null || page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        return ids;
    }

    byte[] publish(UUID eventId, String type, UUID userId, UUID customerId, String reason) throws Exception {
        AuthEvent event = new AuthEvent(userId, customerId == null ? "staff" : "customer", customerId, null, reason,
                reason == null ? 0 : 1, null, "198.51.100.7", clock.instant());
        byte[] bytes = codec.serialize(codec.create(eventId, type, userId.toString(), event, null));
        kafka.send("auth-events", userId.toString(), bytes).get();
        return bytes;
    }

    void awaitProcessed(UUID eventId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            boolean processed = jdbc.sql("select exists (select 1 from platform.processed_events where consumer_group = 'fraud' "
                    + "and event_id = :id)").param("id", eventId.toString()).query(Boolean.class).single();
            if (processed) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("auth event " + eventId + " was not processed");
    }

    static ConsumerRecord<String, byte[]> awaitRecord(String topic, String key) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no record on " + topic + " for " + key);
    }

    /** The CloudEvent types of the first {@code count} records with this key on the topic, in order. */
    static List<String> eventTypes(String topic, String key, int count) {
        List<String> types = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (types.size() < count && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        types.add(JSON.readTree(record.value()).get("type").asString());
                    }
                }
            }
        }
        return types;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asString()));
        return values;
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}

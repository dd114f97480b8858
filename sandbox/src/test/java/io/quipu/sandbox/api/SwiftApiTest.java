package io.quipu.sandbox.api;

import static io.quipu.sandbox.api.ApiAssertions.assertFieldError;
import static io.quipu.sandbox.api.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.quipu.sandbox.domain.swift.Ibans;
import tools.jackson.databind.JsonNode;

/** The SWIFT-like network over real HTTP: UETR idempotency, IBAN and BIC rejections, settlement, returns, webhooks. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "quipu.sandbox.smtp-port=0",
        "quipu.sandbox.clearing.settlement-delay=200ms",
        "quipu.sandbox.clearing.return-delay=200ms",
        "quipu.sandbox.swift.settlement-delay=200ms",
        "quipu.sandbox.swift.return-delay=200ms",
        "quipu.sandbox.webhook-first-retry-delay=100ms"})
class SwiftApiTest {

    static final Map<String, String> SWIFT_KEY = Map.of("X-Api-Key", "sandbox-swift-key");
    static final String VALID_IBAN = "DE89370400440532013000";
    private static final Duration WAIT = Duration.ofSeconds(5);

    @LocalServerPort
    int port;

    HttpTestClient http;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
    }

    @AfterEach
    void clearFaults() {
        http.delete("/sandbox/faults");
    }

    static Map<String, Object> payment(String uetr, String iban, String bic, String currency, String callbackUrl) {
        Map<String, Object> body = new HashMap<>();
        body.put("uetr", uetr);
        body.put("debtorName", "Ana Quispe");
        body.put("debtorAccount", "09919100001234567");
        body.put("creditorName", "Hans Müller");
        body.put("creditorIban", iban);
        body.put("creditorBic", bic);
        body.put("amount", Map.of("amount", "250.00", "currency", currency));
        body.put("remittanceInformation", "Invoice 2026-114");
        if (callbackUrl != null) {
            body.put("callbackUrl", callbackUrl);
        }
        return body;
    }

    JsonNode awaitPayment(String uetr, Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode payment;
        do {
            payment = http.get("/swift/v1/payments/" + uetr, SWIFT_KEY).json();
            if (condition.test(payment)) {
                return payment;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the payment never reached the state: " + payment);
    }

    @Test
    void acceptsAPaymentThatSettlesAndIsNotifiedWithAValidSignature() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("X-Swift-Signature")) {
            String uetr = UUID.randomUUID().toString();
            HttpTestClient.Reply accepted = http.postJson("/swift/v1/payments",
                    payment(uetr, VALID_IBAN, "COBADEFFXXX", "EUR", receiver.url("/swift")), SWIFT_KEY);
            assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
            assertThat(accepted.json().get("uetr").asString()).isEqualTo(uetr);
            assertThat(accepted.json().get("status").asString()).isEqualTo("accepted");
            assertThat(accepted.json().get("acceptedAt").asString()).isNotBlank();

            JsonNode settled = awaitPayment(uetr, payment -> payment.get("status").asString().equals("settled"));
            WebhookReceiver.Received notification = receiver.next(WAIT);
            assertThat(notification.signature()).isEqualTo(ClearingApiTest.hmac("sandbox-swift-webhook-secret", notification.body()));
            assertThat(notification.json().get("uetr").asString()).isEqualTo(uetr);
            assertThat(notification.json().get("status").asString()).isEqualTo("settled");
            assertThat(notification.json().get("at").asString()).isEqualTo(settled.get("settledAt").asString());

            HttpTestClient.Reply again = http.postJson("/swift/v1/payments",
                    payment(uetr, VALID_IBAN, "COBADEFFXXX", "EUR", receiver.url("/swift")), SWIFT_KEY);
            assertThat(again.status()).isEqualTo(200);
            assertThat(again.json().get("status").asString()).as("the stored payment, as it is now").isEqualTo("settled");
            assertProblem(http.postJson("/swift/v1/payments", payment(uetr, VALID_IBAN, "COBADEFF", "EUR", null), SWIFT_KEY),
                    409, "uetr_reused");
        }
    }

    @Test
    void anIbanEndingIn999SettlesThenIsReturned() throws Exception {
        String iban = Ibans.of("ES", "21000418450200051999");
        assertThat(iban).hasSize(24).endsWith("999");
        String uetr = UUID.randomUUID().toString();
        assertThat(http.postJson("/swift/v1/payments", payment(uetr, iban, "CAIXESBB", "USD", null), SWIFT_KEY).status()).isEqualTo(202);
        JsonNode returned = awaitPayment(uetr, payment -> payment.get("status").asString().equals("returned"));
        assertThat(returned.get("returnCode").asString()).isEqualTo("AC04");
        assertThat(returned.get("settledAt").asString()).isNotBlank();
        assertThat(http.get("/sandbox/swift/payments").json().get(0).get("uetr").asString()).isEqualTo(uetr);
    }

    @Test
    void rejectsBadIbansAndBicsWithReasonCodes() {
        Map<String, String[]> cases = Map.of(
                "DE89370400440532013001", new String[] {"COBADEFFXXX", "AC01"}, // mod-97 fails
                "DE8937040044053201300", new String[] {"COBADEFFXXX", "AC01"}, // one digit short for DE
                "US12345678901234567890", new String[] {"COBADEFFXXX", "AC01"}, // a country not served
                VALID_IBAN, new String[] {"COBA1EFF", "RC01"},
                "GB82WEST12345698765432", new String[] {"NWBKGB2LX", "RC01"});
        cases.forEach((iban, bicAndCode) -> {
            HttpTestClient.Reply rejected = http.postJson("/swift/v1/payments",
                    payment(UUID.randomUUID().toString(), iban, bicAndCode[0], "USD", null), SWIFT_KEY);
            assertProblem(rejected, 422, "rejected");
            assertThat(rejected.json().get("reasonCode").asString()).as(iban + " " + bicAndCode[0]).isEqualTo(bicAndCode[1]);
        });
    }

    @Test
    void theControlPanelSettlesAndReturns() {
        String uetr = UUID.randomUUID().toString();
        http.postJson("/swift/v1/payments", payment(uetr, "GB82WEST12345698765432", "NWBKGB2L", "USD", null), SWIFT_KEY);
        HttpTestClient.Reply returned = http.postJson("/sandbox/swift/payments/" + uetr + "/return", Map.of("returnCode", "AM05"), Map.of());
        assertThat(returned.status()).as(returned.text()).isEqualTo(200);
        assertThat(returned.json().get("status").asString()).isEqualTo("returned");
        assertProblem(http.postJson("/sandbox/swift/payments/" + uetr + "/settle", "", Map.of()), 409, "invalid_status");
        assertProblem(http.postJson("/sandbox/swift/payments/" + UUID.randomUUID() + "/settle", "", Map.of()), 404, "payment_not_found");
    }

    @Test
    void refusesBadInputAndKeys() {
        assertProblem(http.postJson("/swift/v1/payments", Map.of(), Map.of()), 401, "missing_api_key");
        assertProblem(http.get("/swift/v1/payments/" + UUID.randomUUID(), ClearingApiTest.CLEARING_KEY), 401, "invalid_api_key");
        HttpTestClient.Reply empty = http.postJson("/swift/v1/payments", Map.of(), SWIFT_KEY);
        for (String field : new String[] {"uetr", "debtorName", "debtorAccount", "creditorName", "creditorIban", "creditorBic", "amount"}) {
            assertFieldError(empty, field, "required");
        }
        assertFieldError(http.postJson("/swift/v1/payments", payment("not-a-uuid", VALID_IBAN, "COBADEFF", "USD", null), SWIFT_KEY),
                "uetr", "invalid_uuid");
        assertFieldError(http.postJson("/swift/v1/payments", payment(UUID.randomUUID().toString(), VALID_IBAN, "COBADEFF", "PEN", null),
                SWIFT_KEY), "amount.currency", "unsupported_currency");
        assertProblem(http.get("/swift/v1/payments/" + UUID.randomUUID(), SWIFT_KEY), 404, "payment_not_found");
        assertProblem(http.get("/swift/v1/payments/nope", SWIFT_KEY), 400, "invalid_parameter");
    }

    @Test
    void aSwiftNetworkThatIsDownAnswers503() {
        http.putJson("/sandbox/faults/swift", Map.of("mode", "down", "remainingCalls", 1));
        assertProblem(http.get("/swift/v1/payments/" + UUID.randomUUID(), SWIFT_KEY), 503, "provider_unavailable");
        assertProblem(http.get("/swift/v1/payments/" + UUID.randomUUID(), SWIFT_KEY), 404, "payment_not_found");
    }
}

package io.quipu.sandbox.api;

import static io.quipu.sandbox.api.ApiAssertions.assertFieldError;
import static io.quipu.sandbox.api.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.quipu.sandbox.domain.clearing.ClearingRules;
import tools.jackson.databind.JsonNode;

/** The clearing house over real HTTP: acceptance, rejections, settlement and returns over time, signed webhooks. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "quipu.sandbox.smtp-port=0",
        "quipu.sandbox.clearing.settlement-delay=200ms",
        "quipu.sandbox.clearing.return-delay=200ms",
        "quipu.sandbox.swift.settlement-delay=200ms",
        "quipu.sandbox.swift.return-delay=200ms",
        "quipu.sandbox.webhook-first-retry-delay=100ms"})
class ClearingApiTest {

    static final Map<String, String> CLEARING_KEY = Map.of("X-Api-Key", "sandbox-clearing-key");
    static final String SECRET = "sandbox-clearing-webhook-secret";
    static final String DEBTOR_CCI = ClearingRules.cci("099", "191", "000012345671");
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

    /** A creditor CCI at BCP whose 12-digit account ends in {@code suffix} ("000" for an ordinary one). */
    static String creditorCci(String suffix) {
        return ClearingRules.cci("002", "193", "000456789" + suffix);
    }

    static Map<String, Object> transfer(String instructionId, String creditorCci, String amount, String callbackUrl) {
        Map<String, Object> body = new HashMap<>();
        body.put("instructionId", instructionId);
        body.put("debtorName", "Ana Quispe");
        body.put("debtorCci", DEBTOR_CCI);
        body.put("creditorName", "Luis Mamani");
        body.put("creditorCci", creditorCci);
        body.put("amount", Map.of("amount", amount, "currency", "PEN"));
        body.put("reference", "Alquiler noviembre");
        if (callbackUrl != null) {
            body.put("callbackUrl", callbackUrl);
        }
        return body;
    }

    static String newInstructionId() {
        return "instr-" + UUID.randomUUID();
    }

    static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    JsonNode awaitTransfer(String traceNumber, Predicate<JsonNode> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode transfer;
        do {
            transfer = http.get("/clearing/v1/transfers/" + traceNumber, CLEARING_KEY).json();
            if (condition.test(transfer)) {
                return transfer;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("the transfer never reached the state: " + transfer);
    }

    @Test
    void acceptsATransferThatSettlesAndIsNotifiedWithAValidSignature() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("X-Clearing-Signature")) {
            String instructionId = newInstructionId();
            HttpTestClient.Reply accepted = http.postJson("/clearing/v1/transfers",
                    transfer(instructionId, creditorCci("000"), "125.50", receiver.url("/hooks/clearing")), CLEARING_KEY);
            assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
            JsonNode body = accepted.json();
            String traceNumber = body.get("traceNumber").asString();
            assertThat(traceNumber).matches("\\d{15}");
            assertThat(body.get("instructionId").asString()).isEqualTo(instructionId);
            assertThat(body.get("status").asString()).isEqualTo("accepted");
            assertThat(body.get("acceptedAt").asString()).isNotBlank();
            assertThat(body.get("amount").get("amount").asString()).isEqualTo("125.50");
            assertThat(accepted.header("Location")).isEqualTo("/clearing/v1/transfers/" + traceNumber);

            JsonNode settled = awaitTransfer(traceNumber, transfer -> transfer.get("status").asString().equals("settled"));
            assertThat(settled.get("settledAt").asString()).isNotBlank();
            assertThat(settled.get("returnCode").isNull()).isTrue();

            WebhookReceiver.Received notification = receiver.next(WAIT);
            assertThat(notification).as("the settlement was notified").isNotNull();
            assertThat(notification.path()).isEqualTo("/hooks/clearing");
            assertThat(notification.signature()).isEqualTo(hmac(SECRET, notification.body()));
            JsonNode json = notification.json();
            assertThat(json.get("traceNumber").asString()).isEqualTo(traceNumber);
            assertThat(json.get("instructionId").asString()).isEqualTo(instructionId);
            assertThat(json.get("status").asString()).isEqualTo("settled");
            assertThat(json.get("returnCode").isNull()).isTrue();
            assertThat(json.get("at").asString()).isEqualTo(settled.get("settledAt").asString());
            assertThat(receiver.next(Duration.ofMillis(500))).as("nothing more happens").isNull();

            JsonNode byInstruction = http.get("/clearing/v1/transfers?instructionId=" + instructionId, CLEARING_KEY).json();
            assertThat(byInstruction.get("traceNumber").asString()).isEqualTo(traceNumber);
            assertThat(http.get("/sandbox/clearing/transfers?limit=5").json().get(0).get("traceNumber").asString()).isEqualTo(traceNumber);
        }
    }

    @Test
    void theSameInstructionAgainAnswersTheStoredTransferAndAnotherBodyIsAConflict() {
        String instructionId = newInstructionId();
        Map<String, Object> request = transfer(instructionId, creditorCci("905"), "10.00", null);
        HttpTestClient.Reply first = http.postJson("/clearing/v1/transfers", request, CLEARING_KEY);
        assertThat(first.status()).isEqualTo(202);
        HttpTestClient.Reply again = http.postJson("/clearing/v1/transfers", request, CLEARING_KEY);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first.json());

        HttpTestClient.Reply other = http.postJson("/clearing/v1/transfers", transfer(instructionId, creditorCci("905"), "10.01", null), CLEARING_KEY);
        assertProblem(other, 409, "instruction_id_reused");
        assertThat(http.get("/clearing/v1/transfers?instructionId=" + instructionId, CLEARING_KEY).json().get("amount")
                .get("amount").asString()).isEqualTo("10.00");
    }

    @Test
    void rejectsWithReasonCodes() {
        String wrongCheckDigits = creditorCci("000").substring(0, 19) + ((creditorCci("000").charAt(19) - '0' + 1) % 10);
        Map<String, String> expected = Map.of(
                wrongCheckDigits, "AC01",
                creditorCci("901"), "AC01",
                creditorCci("902"), "AC04",
                ClearingRules.cci("777", "193", "000456789000"), "AG01");
        expected.forEach((cci, reasonCode) -> {
            String instructionId = newInstructionId();
            HttpTestClient.Reply rejected = http.postJson("/clearing/v1/transfers", transfer(instructionId, cci, "50.00", null), CLEARING_KEY);
            assertProblem(rejected, 422, "rejected");
            assertThat(rejected.json().get("reasonCode").asString()).as(cci).isEqualTo(reasonCode);
            assertThat(rejected.json().get("status").asInt()).isEqualTo(422);
            assertProblem(http.get("/clearing/v1/transfers?instructionId=" + instructionId, CLEARING_KEY), 404, "transfer_not_found");
        });
    }

    @Test
    void accountsEndingIn903And904SettleThenReturn() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("X-Clearing-Signature")) {
            String closed = http.postJson("/clearing/v1/transfers", transfer(newInstructionId(), creditorCci("903"), "20.00",
                    receiver.url("/closed")), CLEARING_KEY).json().get("traceNumber").asString();
            JsonNode returned = awaitTransfer(closed, transfer -> transfer.get("status").asString().equals("returned"));
            assertThat(returned.get("returnCode").asString()).isEqualTo("AC04");
            assertThat(returned.get("settledAt").asString()).isNotBlank();
            assertThat(returned.get("returnedAt").asString()).isNotBlank();
            WebhookReceiver.Received settled = receiver.next(WAIT);
            WebhookReceiver.Received returnedNotification = receiver.next(WAIT);
            assertThat(settled.json().get("status").asString()).isEqualTo("settled");
            assertThat(returnedNotification.json().get("status").asString()).isEqualTo("returned");
            assertThat(returnedNotification.json().get("returnCode").asString()).isEqualTo("AC04");
            assertThat(returnedNotification.signature()).isEqualTo(hmac(SECRET, returnedNotification.body()));

            String refused = http.postJson("/clearing/v1/transfers", transfer(newInstructionId(), creditorCci("904"), "20.00", null),
                    CLEARING_KEY).json().get("traceNumber").asString();
            assertThat(awaitTransfer(refused, transfer -> transfer.get("status").asString().equals("returned"))
                    .get("returnCode").asString()).isEqualTo("MS03");
        }
    }

    @Test
    void anAccountEndingIn905StaysAcceptedUntilTheControlPanelSettlesOrReturnsIt() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("X-Clearing-Signature")) {
            String held = http.postJson("/clearing/v1/transfers", transfer(newInstructionId(), creditorCci("905"), "30.00",
                    receiver.url("/held")), CLEARING_KEY).json().get("traceNumber").asString();
            Thread.sleep(700);
            assertThat(http.get("/clearing/v1/transfers/" + held, CLEARING_KEY).json().get("status").asString()).isEqualTo("accepted");
            assertThat(receiver.next(Duration.ofMillis(10))).isNull();

            HttpTestClient.Reply settled = http.postJson("/sandbox/clearing/transfers/" + held + "/settle", "", Map.of());
            assertThat(settled.status()).as(settled.text()).isEqualTo(200);
            assertThat(settled.json().get("status").asString()).isEqualTo("settled");
            assertThat(receiver.next(WAIT).json().get("status").asString()).isEqualTo("settled");
            assertProblem(http.postJson("/sandbox/clearing/transfers/" + held + "/settle", "", Map.of()), 409, "invalid_status");

            HttpTestClient.Reply returned = http.postJson("/sandbox/clearing/transfers/" + held + "/return", Map.of("returnCode", "AC06"), Map.of());
            assertThat(returned.status()).as(returned.text()).isEqualTo(200);
            assertThat(returned.json().get("returnCode").asString()).isEqualTo("AC06");
            WebhookReceiver.Received notification = receiver.next(WAIT);
            assertThat(notification.json().get("status").asString()).isEqualTo("returned");
            assertThat(notification.json().get("returnCode").asString()).isEqualTo("AC06");
            assertProblem(http.postJson("/sandbox/clearing/transfers/" + held + "/return", Map.of("returnCode", "AC04"), Map.of()),
                    409, "invalid_status");
            assertFieldError(http.postJson("/sandbox/clearing/transfers/" + held + "/return", Map.of("returnCode", "closed"), Map.of()),
                    "returnCode", "invalid_format");
            assertFieldError(http.postJson("/sandbox/clearing/transfers/" + held + "/return", Map.of(), Map.of()), "returnCode", "required");
            assertProblem(http.postJson("/sandbox/clearing/transfers/000000000000000/settle", "", Map.of()), 404, "transfer_not_found");
        }
    }

    @Test
    void aFailingReceiverIsRetriedAndGetsTheSameSignedBody() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("X-Clearing-Signature")) {
            receiver.failNext(2);
            http.postJson("/clearing/v1/transfers", transfer(newInstructionId(), creditorCci("000"), "40.00",
                    receiver.url("/flaky")), CLEARING_KEY);
            WebhookReceiver.Received first = receiver.next(WAIT);
            WebhookReceiver.Received second = receiver.next(WAIT);
            WebhookReceiver.Received third = receiver.next(WAIT);
            assertThat(third).as("three attempts: two answered 500, the third 204").isNotNull();
            assertThat(second.text()).isEqualTo(first.text());
            assertThat(third.text()).isEqualTo(first.text());
            assertThat(third.signature()).isEqualTo(hmac(SECRET, third.body()));
            assertThat((second.receivedAtNanos() - first.receivedAtNanos()) / 1_000_000).as("first pause").isGreaterThanOrEqualTo(90);
            assertThat((third.receivedAtNanos() - second.receivedAtNanos()) / 1_000_000).as("doubled").isGreaterThanOrEqualTo(190);
            assertThat(receiver.next(Duration.ofMillis(600))).as("delivered: no more attempts").isNull();
        }
    }

    @Test
    void aReceiverThatAlwaysFailsIsTriedFourTimesThenGivenUp() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("X-Clearing-Signature")) {
            receiver.failNext(100);
            http.postJson("/clearing/v1/transfers", transfer(newInstructionId(), creditorCci("000"), "41.00",
                    receiver.url("/dead")), CLEARING_KEY);
            for (int attempt = 1; attempt <= 4; attempt++) {
                assertThat(receiver.next(WAIT)).as("attempt " + attempt).isNotNull();
            }
            assertThat(receiver.next(Duration.ofMillis(1_200))).as("given up after 3 retries").isNull();
        }
    }

    @Test
    void refusesAMissingOrWrongApiKey() {
        assertProblem(http.postJson("/clearing/v1/transfers", Map.of(), Map.of()), 401, "missing_api_key");
        assertProblem(http.get("/clearing/v1/transfers/123456789012345", Map.of("X-Api-Key", "sandbox-swift-key")), 401, "invalid_api_key");
    }

    @Test
    void refusesBadInputWithFieldErrors() {
        HttpTestClient.Reply empty = http.postJson("/clearing/v1/transfers", Map.of(), CLEARING_KEY);
        for (String field : new String[] {"instructionId", "debtorName", "debtorCci", "creditorName", "creditorCci", "amount"}) {
            assertFieldError(empty, field, "required");
        }
        Map<String, Object> bad = transfer("bad id!", "12345", "0.00", "ftp://example.com/hook");
        bad.put("debtorCci", DEBTOR_CCI.substring(0, 19) + ((DEBTOR_CCI.charAt(19) - '0' + 1) % 10));
        bad.put("reference", "x".repeat(141));
        HttpTestClient.Reply invalid = http.postJson("/clearing/v1/transfers", bad, CLEARING_KEY);
        assertFieldError(invalid, "instructionId", "invalid_format");
        assertFieldError(invalid, "creditorCci", "invalid_format");
        assertFieldError(invalid, "debtorCci", "invalid_check_digits");
        assertFieldError(invalid, "amount.amount", "not_positive");
        assertFieldError(invalid, "reference", "too_long");
        assertFieldError(invalid, "callbackUrl", "invalid_url");
        Map<String, Object> euros = transfer(newInstructionId(), creditorCci("000"), "10.00", null);
        euros.put("amount", Map.of("amount", "10.00", "currency", "EUR"));
        assertFieldError(http.postJson("/clearing/v1/transfers", euros, CLEARING_KEY), "amount.currency", "unsupported_currency");
        Map<String, Object> floatAmount = transfer(newInstructionId(), creditorCci("000"), "10.00", null);
        floatAmount.put("amount", Map.of("amount", 10.5, "currency", "PEN"));
        assertFieldError(http.postJson("/clearing/v1/transfers", floatAmount, CLEARING_KEY), "amount", "invalid_type");
        assertProblem(http.postJson("/clearing/v1/transfers", "{", CLEARING_KEY), 400, "malformed_json");
        assertFieldError(http.get("/clearing/v1/transfers", CLEARING_KEY), "instructionId", "required");
        assertProblem(http.get("/clearing/v1/transfers/999999999999999", CLEARING_KEY), 404, "transfer_not_found");
        assertFieldError(http.get("/sandbox/clearing/transfers?limit=0"), "limit", "out_of_range");
    }

    @Test
    void aClearingHouseThatIsDownAnswers503AndNothingIsRecorded() {
        http.putJson("/sandbox/faults/clearing", Map.of("mode", "down", "remainingCalls", 2));
        String instructionId = newInstructionId();
        Map<String, Object> request = transfer(instructionId, creditorCci("000"), "60.00", null);
        HttpTestClient.Reply down = http.postJson("/clearing/v1/transfers", request, CLEARING_KEY);
        assertProblem(down, 503, "provider_unavailable");
        assertThat(down.header("Retry-After")).isEqualTo("1");
        assertProblem(http.get("/clearing/v1/transfers?instructionId=" + instructionId, CLEARING_KEY), 503, "provider_unavailable");
        assertProblem(http.get("/clearing/v1/transfers?instructionId=" + instructionId, CLEARING_KEY), 404, "transfer_not_found");
        assertThat(http.postJson("/clearing/v1/transfers", request, CLEARING_KEY).status()).isEqualTo(202);
    }

    @Test
    void aSlowClearingHouseTimesTheClientOutButStillProcessesTheTransferAfterTheDelay() throws Exception {
        http.putJson("/sandbox/faults/clearing", Map.of("mode", "slow", "delayMillis", 1_500, "remainingCalls", 1));
        String instructionId = newInstructionId();
        String body = tools.jackson.databind.json.JsonMapper.builder().build()
                .writeValueAsString(transfer(instructionId, creditorCci("905"), "70.00", null));
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/clearing/v1/transfers"))
                .timeout(Duration.ofMillis(500)).header("Content-Type", "application/json")
                .header("X-Api-Key", "sandbox-clearing-key").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long started = System.nanoTime();
        assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString())).isInstanceOf(HttpTimeoutException.class);
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(1_500);

        assertProblem(http.get("/clearing/v1/transfers?instructionId=" + instructionId, CLEARING_KEY), 404, "transfer_not_found");
        long deadline = System.nanoTime() + WAIT.toNanos();
        HttpTestClient.Reply found;
        do {
            Thread.sleep(100);
            found = http.get("/clearing/v1/transfers?instructionId=" + instructionId, CLEARING_KEY);
        } while (found.status() == 404 && System.nanoTime() < deadline);
        assertThat(found.status()).as("processed once the delay was over").isEqualTo(200);
        assertThat(found.json().get("status").asString()).isEqualTo("accepted");

        HttpTestClient.Reply retried = http.postJson("/clearing/v1/transfers", body, CLEARING_KEY);
        assertThat(retried.status()).as("the client's retry finds it").isEqualTo(200);
        assertThat(retried.json().get("traceNumber").asString()).isEqualTo(found.json().get("traceNumber").asString());
    }
}

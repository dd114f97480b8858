package io.quipu.ledger.api;

import static io.quipu.platform.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.quipu.platform.test.EmbeddedInfrastructure;
import io.quipu.platform.test.TestHttp;
import io.quipu.platform.test.TestInfrastructure;
import io.quipu.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

@EmbeddedInfrastructure(database = "ledger")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LedgerApiTest {

    @LocalServerPort
    int port;
    private LedgerApi ledger;
    private UUID bank;
    private UUID alice;
    private UUID bob;

    @BeforeEach
    void setUp() {
        ledger = new LedgerApi(new TestHttp(port, TestTokens.get().service("payments", "ledger", "ledger:read", "ledger:write")));
        bank = ledger.openAccount(null, "SETTLEMENT", "PEN");
        alice = ledger.openAccount(UUID.randomUUID(), "SAVINGS", "PEN");
        bob = ledger.openAccount(UUID.randomUUID(), "SAVINGS", "PEN");
        assertThat(ledger.transfer(UUID.randomUUID(), bank, alice, "100.00", null).statusCode()).isEqualTo(201);
    }

    @Test
    void accountsHaveValidNumbersAndOpeningIsIdempotent() {
        JsonNode account = ledger.account(alice);
        assertThat(account.get("accountNumber").asString()).matches("\\d{14}");
        assertThat(account.get("cci").asString()).matches("099\\d{17}");
        assertThat(account.get("debitsMustNotExceedCredits").asBoolean()).isTrue();
        assertThat(account.get("available").get("amount").asString()).isEqualTo("100.00");

        UUID id = UUID.randomUUID();
        String request = "{\"id\":\"%s\",\"customerId\":null,\"product\":\"FEES\",\"currency\":\"USD\"}".formatted(id);
        assertThat(ledger.http.post("/accounts", request).statusCode()).isEqualTo(201);
        assertThat(ledger.http.post("/accounts", request).statusCode()).isEqualTo(200);
        HttpResponse<String> different = ledger.http.post("/accounts", request.replace("USD", "EUR"));
        assertProblem(different, 409, "account_exists_with_different_fields");
        assertProblem(ledger.http.post("/accounts", request.replace("FEES", "PIGGY_BANK").replace(id.toString(), UUID.randomUUID().toString())),
                400, "validation_failed");
        assertProblem(ledger.http.post("/accounts", "{\"id\":\"%s\",\"product\":\"SAVINGS\",\"currency\":\"PEN\"}".formatted(UUID.randomUUID())),
                400, "validation_failed");
        JsonNode byNumber = LedgerApi.json(ledger.http.get("/accounts/by-number/" + account.get("cci").asString()));
        assertThat(byNumber.get("id").asString()).isEqualTo(alice.toString());
    }

    @Test
    void aBatchOpensAccountsInOrderAndARepeatOpensNothingTwice() {
        UUID customer = UUID.randomUUID();
        List<UUID> ids = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        String batch = accountBatch(
                accountJson(ids.get(0), customer, "SAVINGS", "PEN"),
                accountJson(ids.get(1), customer, "CHECKING", "USD"),
                accountJson(ids.get(2), null, "SETTLEMENT", "PEN"));

        JsonNode first = batchResults(ledger.http.post("/accounts/batch", batch));
        assertThat(resultCodes(first)).containsExactly("created", "created", "created");
        for (int index = 0; index < ids.size(); index++) {
            assertThat(first.get(index).get("index").asInt()).isEqualTo(index);
            assertThat(first.get(index).get("id").asString()).isEqualTo(ids.get(index).toString());
            assertThat(first.get(index).get("account").get("accountNumber").asString()).matches("\\d{14}");
        }
        assertThat(first.get(0).get("account").get("debitsMustNotExceedCredits").asBoolean()).isTrue();
        assertThat(first.get(2).get("account").get("debitsMustNotExceedCredits").asBoolean()).isFalse();
        assertThat(ledger.account(ids.get(1)).get("currency").asString()).isEqualTo("USD");
        assertThat(LedgerApi.json(ledger.http.get("/accounts?customerId=" + customer))).hasSize(2);

        // The same batch again: each id is the account opened before, with the same number.
        JsonNode again = batchResults(ledger.http.post("/accounts/batch", batch));
        assertThat(resultCodes(again)).containsExactly("exists", "exists", "exists");
        assertThat(again.get(0).get("account").get("accountNumber").asString())
                .isEqualTo(first.get(0).get("account").get("accountNumber").asString());
        // And the single endpoint agrees: an id opened by a batch is a repeat there too.
        assertThat(ledger.http.post("/accounts", accountJson(ids.get(0), customer, "SAVINGS", "PEN")).statusCode()).isEqualTo(200);
    }

    @Test
    void anInvalidAccountInABatchIsItsOwnResultAndTheOthersOpen() {
        UUID customer = UUID.randomUUID();
        UUID valid = UUID.randomUUID();
        UUID withoutCustomer = UUID.randomUUID();
        UUID pounds = UUID.randomUUID();
        UUID bothLimits = UUID.randomUUID();
        UUID alsoValid = UUID.randomUUID();
        String batch = accountBatch(
                accountJson(valid, customer, "SAVINGS", "PEN"),
                accountJson(withoutCustomer, null, "SAVINGS", "PEN"),
                accountJson(pounds, customer, "SAVINGS", "GBP"),
                "{\"customerId\":\"%s\",\"product\":\"SAVINGS\",\"currency\":\"PEN\"}".formatted(customer),
                "{\"id\":\"%s\",\"product\":\"FEES\",\"currency\":\"PEN\",\"debitsMustNotExceedCredits\":true,\"creditsMustNotExceedDebits\":true}"
                        .formatted(bothLimits),
                accountJson(alsoValid, null, "FEES", "EUR"));

        JsonNode results = batchResults(ledger.http.post("/accounts/batch", batch));

        assertThat(resultCodes(results)).containsExactly("created", "validation_failed", "validation_failed", "validation_failed",
                "validation_failed", "created");
        assertThat(fieldError(results.get(1))).isEqualTo("customerId:required");
        assertThat(fieldError(results.get(2))).isEqualTo("currency:pattern");
        assertThat(fieldError(results.get(3))).isEqualTo("id:required");
        assertThat(fieldError(results.get(4))).isEqualTo("creditsMustNotExceedDebits:conflicting_flags");
        assertThat(results.get(1).get("account").isNull()).isTrue();
        assertThat(ledger.account(valid).get("status").asString()).isEqualTo("open");
        assertThat(ledger.account(alsoValid).get("currency").asString()).isEqualTo("EUR");
        assertProblem(ledger.http.get("/accounts/" + withoutCustomer), 404, "account_not_found");
        assertProblem(ledger.http.get("/accounts/" + pounds), 404, "account_not_found");
    }

    @Test
    void anIdRepeatedInABatchIsOneAccount() {
        UUID id = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        String batch = accountBatch(
                accountJson(id, customer, "SAVINGS", "PEN"),
                accountJson(id, customer, "SAVINGS", "PEN"),
                accountJson(id, customer, "SAVINGS", "USD"));

        JsonNode results = batchResults(ledger.http.post("/accounts/batch", batch));

        assertThat(resultCodes(results)).containsExactly("created", "exists", "account_exists_with_different_fields");
        assertThat(results.get(1).get("account").get("accountNumber").asString())
                .isEqualTo(results.get(0).get("account").get("accountNumber").asString());
        assertThat(ledger.account(id).get("currency").asString()).isEqualTo("PEN");
        assertThat(LedgerApi.json(ledger.http.get("/accounts?customerId=" + customer))).hasSize(1);
    }

    @Test
    void anAccountBatchOutsideItsBoundsIsRefusedWhole() {
        String[] accounts = new String[1001];
        UUID first = UUID.randomUUID();
        for (int index = 0; index < accounts.length; index++) {
            accounts[index] = accountJson(index == 0 ? first : UUID.randomUUID(), null, "FEES", "PEN");
        }
        JsonNode oversized = assertProblem(ledger.http.post("/accounts/batch", accountBatch(accounts)), 400, "validation_failed");
        assertThat(oversized.get("errors").get(0).get("field").asString()).isEqualTo("accounts");
        assertProblem(ledger.http.get("/accounts/" + first), 404, "account_not_found");
        assertProblem(ledger.http.post("/accounts/batch", "{\"accounts\":[]}"), 400, "validation_failed");
        assertProblem(ledger.http.post("/accounts/batch", accountBatch(accountJson(UUID.randomUUID(), null, "PIGGY_BANK", "PEN"))),
                400, "validation_failed");
        TestHttp reader = new TestHttp(port, TestTokens.get().service("analytics", "ledger", "ledger:read"));
        assertThat(reader.post("/accounts/batch", accountBatch(accountJson(UUID.randomUUID(), null, "FEES", "PEN"))).statusCode())
                .isEqualTo(403);
    }

    @Test
    void transfersMoveMoneyAndRepeatsAnswerExists() {
        UUID id = UUID.randomUUID();
        HttpResponse<String> created = ledger.transfer(id, alice, bob, "25.50", null);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(LedgerApi.json(created).get("result").asString()).isEqualTo("ok");
        // Sent whole (quipu.web.whole-responses): a length, not chunks, so one write and one packet per answer.
        assertThat(created.headers().firstValueAsLong("Content-Length")).hasValue(created.body().length());
        assertThat(created.headers().firstValue("Transfer-Encoding")).isEmpty();
        HttpResponse<String> again = ledger.transfer(id, alice, bob, "25.50", null);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(LedgerApi.json(again).get("result").asString()).isEqualTo("exists");
        assertThat(LedgerApi.json(again).get("transfer").get("timestamp").asLong())
                .isEqualTo(LedgerApi.json(created).get("transfer").get("timestamp").asLong());
        assertProblem(ledger.transfer(id, alice, bob, "25.51", null), 422, "exists_with_different_amount");
        assertThat(ledger.available(alice)).isEqualTo("74.50");
        assertThat(ledger.available(bob)).isEqualTo("25.50");
        assertThat(ledger.available(bank)).isEqualTo("-100.00");
        JsonNode stored = LedgerApi.json(ledger.http.get("/transfers/" + id));
        assertThat(stored.get("amount").get("amount").asString()).isEqualTo("25.50");
        assertThat(stored.get("kind").asString()).isEqualTo("posted");
    }

    @Test
    void theWritersBatchesAreMeasuredForTheOperators() {
        assertThat(ledger.transfer(UUID.randomUUID(), alice, bob, "1.00", null).statusCode()).isEqualTo(201);
        String metrics = new TestHttp(port, null).get("/actuator/prometheus").body();
        assertThat(metricValue(metrics, "ledger_writer_batch_duration_seconds_count")).isGreaterThanOrEqualTo(1);
        assertThat(metricValue(metrics, "ledger_writer_batch_transfers_sum")).isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("ledger_writer_batch_duration_seconds_bucket", "ledger_writer_queued_transfers");
        for (String phase : List.of("read", "apply", "write", "commit", "answer")) {
            assertThat(metrics.lines().filter(line -> line.startsWith("ledger_writer_batch_phase_seconds_count{")
                    && line.contains("phase=\"" + phase + "\"")))
                    .as("batches timed in the %s phase", phase)
                    .anyMatch(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) >= 1);
        }
    }

    private static double metricValue(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /**
     * Single transfers are served past Spring MVC's dispatch ({@link TransferServlet}); what it does not take as it is
     * goes to Spring MVC. Either way the answer is the same kind: statuses, content types, problem codes, and metrics
     * that name the endpoint.
     */
    @Test
    void singleTransfersAreAnsweredAlikeOnEitherPath() {
        HttpResponse<String> created = ledger.transfer(UUID.randomUUID(), alice, bob, "1.00", null);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(created.headers().firstValue("Content-Length")).as("sent whole").isPresent();
        HttpResponse<String> refused = ledger.transfer(UUID.randomUUID(), alice, bob, "1000.00", null);
        assertProblem(refused, 422, "exceeds_credits");
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        HttpResponse<String> notJson = ledger.http.send(ledger.http.builder("/transfers")
                .POST(HttpRequest.BodyPublishers.ofString("amount=1")).header("Content-Type", "text/plain").build());
        assertThat(notJson.statusCode()).isEqualTo(415);
        assertThat(notJson.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        HttpResponse<String> wrongMethod = ledger.http.get("/transfers");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        String metrics = new TestHttp(port, null).get("/actuator/prometheus").body();
        assertThat(metrics.lines()).anyMatch(line -> line.startsWith("http_server_requests_seconds_count{")
                && line.contains("method=\"POST\"") && line.contains("uri=\"/transfers\"") && line.contains("status=\"201\""));
        assertThat(metrics.lines()).anyMatch(line -> line.startsWith("http_server_requests_seconds_count{")
                && line.contains("uri=\"/transfers\"") && line.contains("status=\"422\""));
    }

    @Test
    void refusalsCarryThePreciseResultCode() {
        assertProblem(ledger.transfer(UUID.randomUUID(), alice, bob, "100.01", null), 422, "exceeds_credits");
        assertProblem(ledger.transfer(UUID.randomUUID(), alice, bob, "0.00", null), 422, "amount_must_be_positive");
        assertProblem(ledger.transfer(UUID.randomUUID(), alice, bob, "-1.00", null), 422, "amount_must_be_positive");
        assertProblem(ledger.transfer(UUID.randomUUID(), alice, alice, "1.00", null), 422, "accounts_must_be_different");
        assertProblem(ledger.transfer(UUID.randomUUID(), UUID.randomUUID(), bob, "1.00", null), 422, "debit_account_not_found");
        UUID dollars = ledger.openAccount(UUID.randomUUID(), "SAVINGS", "USD");
        assertProblem(ledger.transfer(UUID.randomUUID(), alice, dollars, "1.00", null), 422, "currency_mismatch");
        assertThat(ledger.available(alice)).isEqualTo("100.00");
    }

    @Test
    void malformedInputIsA400NeverA500() {
        JsonNode badAmount = assertProblem(ledger.transfer(UUID.randomUUID(), alice, bob, "ten", null), 400, "validation_failed");
        assertThat(badAmount.get("errors").get(0).get("field").asString()).isEqualTo("body.amount");
        assertProblem(ledger.transfer(UUID.randomUUID(), alice, bob, "99999999999999999999.00", null), 400, "validation_failed");
        assertProblem(ledger.transfer(UUID.randomUUID(), alice, bob, "1.001", null), 400, "validation_failed");
        assertProblem(ledger.http.post("/transfers", LedgerApi.transferJson(UUID.randomUUID(), alice, bob, "1.00", null)
                .replace("\"PEN\"", "\"XXX\"")), 400, "validation_failed");
        assertProblem(ledger.http.post("/transfers", "{\"id\":\"not-a-uuid\",\"currency\":\"PEN\",\"code\":\"x\"}"), 400, "validation_failed");
        assertProblem(ledger.http.post("/transfers", LedgerApi.transferJson(UUID.randomUUID(), alice, bob, "1.00", "\"flags\":[\"TELEPORT\"]")),
                400, "validation_failed");
        assertProblem(ledger.http.post("/transfers", "{"), 400, "malformed_json");
        assertProblem(ledger.http.get("/accounts/12345"), 400, "invalid_parameter");
        assertProblem(ledger.http.get("/accounts/" + UUID.randomUUID()), 404, "account_not_found");
        assertProblem(ledger.http.post("/transfers/batch", "{\"transfers\":[]}"), 400, "validation_failed");

        StringBuilder tooMany = new StringBuilder("{\"transfers\":[");
        for (int index = 0; index < 8191; index++) {
            tooMany.append(index == 0 ? "" : ",").append(LedgerApi.transferJson(UUID.randomUUID(), alice, bob, "0.01", null));
        }
        assertProblem(ledger.http.post("/transfers/batch", tooMany.append("]}").toString()), 400, "validation_failed");
    }

    @Test
    void batchesApplyInOrderAndLinkedChainsAreAtomic() {
        UUID first = UUID.randomUUID();
        String batch = "{\"transfers\":[" + String.join(",",
                LedgerApi.transferJson(first, alice, bob, "60.00", "\"flags\":[\"LINKED\"]"),
                LedgerApi.transferJson(UUID.randomUUID(), alice, bob, "60.00", null),
                LedgerApi.transferJson(UUID.randomUUID(), alice, bob, "10.00", null)) + "]}";
        HttpResponse<String> response = ledger.http.post("/transfers/batch", batch);
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> results = new ArrayList<>();
        LedgerApi.json(response).get("results").forEach(result -> results.add(result.get("result").asString()));
        assertThat(results).containsExactly("linked_event_failed", "exceeds_credits", "ok");
        assertThat(ledger.available(alice)).isEqualTo("90.00");
        assertProblem(ledger.http.get("/transfers/" + first), 404, "transfer_not_found");
    }

    @Test
    void holdsReduceWhatIsAvailableUntilPostedOrVoided() {
        UUID hold = UUID.randomUUID();
        assertThat(ledger.transfer(hold, alice, bob, "40.00", "\"flags\":[\"PENDING\"],\"timeoutSeconds\":300").statusCode()).isEqualTo(201);
        JsonNode held = ledger.account(alice);
        assertThat(held.get("available").get("amount").asString()).isEqualTo("60.00");
        assertThat(held.get("posted").get("amount").asString()).isEqualTo("100.00");
        assertThat(ledger.transfer(UUID.randomUUID(), null, null, "30.00", "\"flags\":[\"POST_PENDING\"],\"pendingId\":\"" + hold + "\"")
                .statusCode()).isEqualTo(201);
        assertThat(ledger.available(alice)).isEqualTo("70.00");
        assertThat(ledger.available(bob)).isEqualTo("30.00");
        assertProblem(ledger.transfer(UUID.randomUUID(), null, null, null, "\"flags\":[\"VOID_PENDING\"],\"pendingId\":\"" + hold + "\""),
                422, "pending_transfer_already_posted");
    }

    @Test
    void expiredHoldsAreVoidedByTheLedger() throws InterruptedException {
        UUID hold = UUID.randomUUID();
        assertThat(ledger.transfer(hold, alice, bob, "40.00", "\"flags\":[\"PENDING\"],\"timeoutSeconds\":1").statusCode()).isEqualTo(201);
        assertThat(ledger.available(alice)).isEqualTo("60.00");
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!ledger.available(alice).equals("100.00") && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(ledger.available(alice)).isEqualTo("100.00");
        assertProblem(ledger.transfer(UUID.randomUUID(), null, null, null, "\"flags\":[\"POST_PENDING\"],\"pendingId\":\"" + hold + "\""),
                422, "pending_transfer_expired");
    }

    @Test
    void historyIsNewestFirstWithRunningBalanceAndBalancesCanBeAskedForAnyTime() throws InterruptedException {
        Instant beforeAll = Instant.now().minusSeconds(60);
        for (int index = 1; index <= 3; index++) {
            assertThat(ledger.transfer(UUID.randomUUID(), alice, bob, index + ".00", null).statusCode()).isEqualTo(201);
        }
        Instant afterThree = Instant.now();
        Thread.sleep(5);
        assertThat(ledger.transfer(UUID.randomUUID(), bob, alice, "0.50", null).statusCode()).isEqualTo(201);

        JsonNode page = LedgerApi.json(ledger.http.get("/accounts/" + alice + "/transfers?limit=2"));
        assertThat(page.get("lines")).hasSize(2);
        assertThat(page.get("lines").get(0).get("direction").asString()).isEqualTo("credit");
        assertThat(page.get("lines").get(0).get("postedBalanceAfter").get("amount").asString()).isEqualTo("94.50");
        assertThat(page.get("lines").get(1).get("postedBalanceAfter").get("amount").asString()).isEqualTo("94.00");
        JsonNode next = LedgerApi.json(ledger.http.get("/accounts/" + alice + "/transfers?limit=2&before=" + page.get("nextBefore").asLong()));
        assertThat(next.get("lines").get(0).get("postedBalanceAfter").get("amount").asString()).isEqualTo("97.00");
        assertThat(next.get("lines").get(1).get("postedBalanceAfter").get("amount").asString()).isEqualTo("99.00");
        assertProblem(ledger.http.get("/accounts/" + alice + "/transfers?limit=5000"), 400, "validation_failed");

        assertThat(LedgerApi.json(ledger.http.get("/accounts/" + alice + "/balances?at=" + beforeAll)).get("posted").get("amount").asString())
                .isEqualTo("0.00");
        assertThat(LedgerApi.json(ledger.http.get("/accounts/" + alice + "/balances?at=" + afterThree)).get("posted").get("amount").asString())
                .isEqualTo("94.00");
        assertProblem(ledger.http.get("/accounts/" + alice + "/balances?at=yesterday"), 400, "invalid_parameter");
    }

    @Test
    void frozenAccountsRefuseTransfersAndOnlyEmptyAccountsClose() {
        assertThat(ledger.http.post("/accounts/" + alice + "/freeze", "").statusCode()).isEqualTo(200);
        assertProblem(ledger.transfer(UUID.randomUUID(), alice, bob, "1.00", null), 422, "account_frozen");
        assertThat(ledger.http.post("/accounts/" + alice + "/unfreeze", "").statusCode()).isEqualTo(200);
        assertProblem(ledger.http.post("/accounts/" + alice + "/close", ""), 409, "account_not_empty");
        assertThat(ledger.transfer(UUID.randomUUID(), alice, bank, "100.00", null).statusCode()).isEqualTo(201);
        assertThat(ledger.http.post("/accounts/" + alice + "/close", "").statusCode()).isEqualTo(200);
        assertProblem(ledger.transfer(UUID.randomUUID(), bank, alice, "1.00", null), 422, "account_closed");
        assertProblem(ledger.http.post("/accounts/" + alice + "/unfreeze", ""), 409, "invalid_status_transition");
    }

    @Test
    void onlyServicesAndStaffReachTheLedger() {
        TestTokens tokens = TestTokens.get();
        TestHttp customer = new TestHttp(port, tokens.customer(UUID.randomUUID(), "ledger", "ledger:read"));
        assertThat(customer.get("/accounts/" + alice).statusCode()).isEqualTo(403);
        TestHttp teller = new TestHttp(port, tokens.staff("maria", "ledger", List.of("teller")));
        assertThat(teller.get("/accounts/" + alice).statusCode()).isEqualTo(200);
        assertThat(teller.post("/transfers", LedgerApi.transferJson(UUID.randomUUID(), alice, bob, "1.00", null)).statusCode()).isEqualTo(403);
        TestHttp reader = new TestHttp(port, tokens.service("analytics", "ledger", "ledger:read"));
        assertThat(reader.post("/transfers", LedgerApi.transferJson(UUID.randomUUID(), alice, bob, "1.00", null)).statusCode()).isEqualTo(403);
        assertThat(new TestHttp(port, null).get("/accounts/" + alice).statusCode()).isEqualTo(401);
        assertThat(new TestHttp(port, tokens.service("payments", "customers", "ledger:write")).get("/accounts/" + alice).statusCode())
                .isEqualTo(401);
    }

    @Test
    void everyTransferIsPublishedOncePerAccountInOrder() {
        UUID transferId = UUID.randomUUID();
        assertThat(ledger.transfer(transferId, alice, bob, "12.34", null).statusCode()).isEqualTo(201);
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "ledger-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("transfers"));
            List<JsonNode> aliceEvents = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (aliceEvents.size() < 2 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key().equals(alice.toString())) {
                        aliceEvents.add(LedgerApi.JSON.readTree(record.value()));
                    }
                }
            }
            assertThat(aliceEvents).hasSize(2);
            JsonNode funding = aliceEvents.get(0);
            JsonNode payment = aliceEvents.get(1);
            assertThat(funding.get("specversion").asString()).isEqualTo("1.0");
            assertThat(funding.get("type").asString()).isEqualTo("io.quipu.ledger.transfer.posted");
            assertThat(funding.get("data").get("direction").asString()).isEqualTo("credit");
            assertThat(payment.get("data").get("transferId").asString()).isEqualTo(transferId.toString());
            assertThat(payment.get("data").get("direction").asString()).isEqualTo("debit");
            assertThat(payment.get("data").get("postedBalanceAfter").get("amount").asString()).isEqualTo("87.66");
            assertThat(payment.get("subject").asString()).isEqualTo(alice.toString());
            // The number the customer knows their account by, for messages about it.
            assertThat(payment.get("data").get("accountNumber").asString())
                    .isEqualTo(ledger.account(alice).get("accountNumber").asString()).matches("\\d{14}");
            assertThat(payment.get("data").get("customerId").asString())
                    .isEqualTo(ledger.account(alice).get("customerId").asString()).isNotBlank();
        }
    }

    private static String accountJson(UUID id, UUID customerId, String product, String currency) {
        return "{\"id\":\"%s\",\"customerId\":%s,\"product\":\"%s\",\"currency\":\"%s\"}"
                .formatted(id, customerId == null ? "null" : "\"" + customerId + "\"", product, currency);
    }

    private static String accountBatch(String... accounts) {
        return "{\"accounts\":[" + String.join(",", accounts) + "]}";
    }

    private static JsonNode batchResults(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return LedgerApi.json(response).get("results");
    }

    private static List<String> resultCodes(JsonNode results) {
        List<String> codes = new ArrayList<>();
        results.forEach(result -> codes.add(result.get("result").asString()));
        return codes;
    }

    /** The item's only field error as {@code field:code}. */
    private static String fieldError(JsonNode result) {
        assertThat(result.get("errors")).as(result.toString()).hasSize(1);
        return result.get("errors").get(0).get("field").asString() + ":" + result.get("errors").get(0).get("code").asString();
    }
}

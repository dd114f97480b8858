package io.quipu.payments.api;

import static io.quipu.platform.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.quipu.payments.Nach2Reader;
import io.quipu.payments.PlatformStandIns;
import io.quipu.payments.domain.ClearingRoutingNumbers;
import io.quipu.platform.banking.AccountNumbers;
import io.quipu.platform.test.EmbeddedInfrastructure;
import io.quipu.platform.test.ServiceProcess;
import io.quipu.platform.test.TestHttp;
import io.quipu.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The day's clearing file through the API: interbank payments made against the REAL ledger and the sandbox's clearing
 * house, the file fetched by staff, and read by the outside library nach2 (src/test/nacha).
 */
@EmbeddedInfrastructure(database = "payments")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.security.oauth2.client.registration.payments.client-secret=secret",
        "quipu.payments.poll-interval=200ms",
        "quipu.payments.resume-interval=100ms",
        "quipu.payments.first-retry-delay=300ms",
        "quipu.payments.max-retry-delay=1s",
        "quipu.payments.return-window=20s",
        "quipu.payments.providers.clearing.max-attempts=1",
        "quipu.payments.providers.clearing.timeout=2s"})
class ClearingFileFlowTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ZoneId LIMA = ZoneId.of("America/Lima");
    static final PlatformStandIns STAND_INS = new PlatformStandIns();
    static final ServiceProcess LEDGER = ServiceProcess.start("ledger-for-clearing-files", "services/ledger", "quipu-ledger",
            "ledger_for_clearing_files", Map.of());
    static final ServiceProcess SANDBOX = ServiceProcess.start("sandbox-for-clearing-files", "sandbox", "quipu-sandbox", null, Map.of(
            "QUIPU_SANDBOX_SMTPPORT", "0",
            "QUIPU_SANDBOX_CLEARING_SETTLEMENTDELAY", "300ms",
            "QUIPU_SANDBOX_CLEARING_RETURNDELAY", "600ms"));
    static final TestHttp LEDGER_ADMIN = new TestHttp(LEDGER.baseUrl(), TestTokens.get().service("payments-test", "ledger",
            "ledger:read", "ledger:write"));

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

    @Test
    void theDaysFileHoldsTheAcceptedInterbankPaymentsAndNach2ReadsItTheSameWay() throws Exception {
        UUID customerId = UUID.randomUUID();
        TestHttp customer = new TestHttp(port, TestTokens.get().customer(customerId, "payments", "payments:read", "payments:write"));
        UUID accountId = openFundedAccount(customerId, "5000.00");
        String settledCci = cci("002", "000123");
        String returnedCci = cci("011", "000903");   // the sandbox returns it after settling
        String rejectedCci = cci("003", "000901");   // the sandbox rejects it (AC01)
        String pendingCci = cci("009", "000905");    // the sandbox never settles it by itself: stays sent
        String settled = payInterbank(customer, accountId, settledCci, "200.00");
        String returned = payInterbank(customer, accountId, returnedCci, "75.50");
        String rejected = payInterbank(customer, accountId, rejectedCci, "30.00");
        String pending = payInterbank(customer, accountId, pendingCci, "12.34");
        awaitState(customer, settled, "completed");
        awaitState(customer, returned, "returned");
        awaitState(customer, rejected, "failed");
        awaitState(customer, pending, "sent");

        LocalDate day = jdbc.sql("select created_at from payments where id = :id").param("id", UUID.fromString(settled))
                .query(Timestamp.class).single().toInstant().atZone(LIMA).toLocalDate();
        TestHttp teller = new TestHttp(port, TestTokens.get().staff("demo.teller", "payments", List.of("teller"), "payments:read"));
        HttpResponse<String> response = teller.get("/clearing/files/" + day);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("text/plain");
        assertThat(response.headers().firstValue("Content-Disposition")).get().asString()
                .contains("attachment").contains("quipu-" + day + ".ach");

        JsonNode parsed = Nach2Reader.read(response.body());
        assertThat(parsed.get("validationErrors").toString()).isEqualTo("[]");
        assertThat(parsed.get("identicalToNach2").asBoolean()).as(parsed.get("differences").toString()).isTrue();

        // What the file should hold: every accepted interbank PEN payment of the day in this database (other tests' too).
        List<Map<String, Object>> expected = jdbc.sql("""
                        select id, payee, amount_minor from payments where type = 'INTERBANK' and currency = 'PEN'
                          and state in ('SENT', 'COMPLETED', 'RETURNED') and created_at >= :from and created_at < :to
                        order by created_at, id""")
                .param("from", Timestamp.from(day.atStartOfDay(LIMA).toInstant()))
                .param("to", Timestamp.from(day.plusDays(1).atStartOfDay(LIMA).toInstant()))
                .query().listOfRows();
        long expectedCents = expected.stream().mapToLong(row -> ((Number) row.get("amount_minor")).longValue()).sum();
        long expectedHash = expected.stream().mapToLong(row -> Long.parseLong(ClearingRoutingNumbers.identificationOfCci(
                ((String) row.get("payee")).substring(4)))).sum() % 10_000_000_000L;
        JsonNode nach2 = parsed.get("nach2");
        assertThat(parsed.get("entryCount").asInt()).isEqualTo(expected.size());
        assertThat(nach2.get("entryCount").asInt()).isEqualTo(expected.size());
        assertThat(nach2.get("batchCount").asInt()).isEqualTo(1);
        assertThat(nach2.get("entryHash").asString()).isEqualTo(String.format("%010d", expectedHash));
        assertThat(nach2.get("totalCreditCents").asString()).isEqualTo(Long.toString(expectedCents));
        assertThat(parsed.get("fileControl").get("entryHash").asString()).isEqualTo(String.format("%010d", expectedHash));
        assertThat(parsed.get("fileControl").get("totalCreditCents").asString()).isEqualTo(Long.toString(expectedCents));

        assertThat(entryOf(parsed, settled)).isNotNull();
        JsonNode settledEntry = entryOf(parsed, settled);
        assertThat(settledEntry.get("routing").asString()).isEqualTo(ClearingRoutingNumbers.routingNumber("002", "001"));
        assertThat(settledEntry.get("account").asString()).isEqualTo(settledCci.substring(6, 18));
        assertThat(settledEntry.get("amountCents").asString()).isEqualTo("20000");
        assertThat(settledEntry.get("name").asString()).isEqualTo("MARIA PEREZ");
        assertThat(entryOf(parsed, returned).get("amountCents").asString()).isEqualTo("7550");
        assertThat(entryOf(parsed, pending).get("amountCents").asString()).isEqualTo("1234");
        assertThat(entryOf(parsed, rejected)).as("a rejected payment never reached the other bank").isNull();

        // Services with payments:read and administrators may fetch it too.
        TestHttp service = new TestHttp(port, TestTokens.get().service("back-office", "payments", "payments:read"));
        assertThat(service.get("/clearing/files/" + day).statusCode()).isEqualTo(200);
        TestHttp admin = new TestHttp(port, TestTokens.get().staff("demo.admin", "payments", List.of("admin")));
        assertThat(admin.get("/clearing/files/" + day).statusCode()).isEqualTo(200);
    }

    @Test
    void customersAndOtherStaffAreKeptOutAndBadDatesAreProblems() {
        String today = LocalDate.now(LIMA).toString();
        TestHttp customer = new TestHttp(port, TestTokens.get().customer(UUID.randomUUID(), "payments", "payments:read", "payments:write"));
        assertProblem(customer.get("/clearing/files/" + today), 403, "forbidden");
        TestHttp analyst = new TestHttp(port, TestTokens.get().staff("demo.analyst", "payments", List.of("analyst")));
        assertProblem(analyst.get("/clearing/files/" + today), 403, "forbidden");
        assertProblem(new TestHttp(port, null).get("/clearing/files/" + today), 401, "unauthenticated");

        TestHttp teller = new TestHttp(port, TestTokens.get().staff("demo.teller", "payments", List.of("teller")));
        assertProblem(teller.get("/clearing/files/2026-13-01"), 400, "invalid_date");
        assertProblem(teller.get("/clearing/files/2026-02-30"), 400, "invalid_date");
        assertProblem(teller.get("/clearing/files/20261101"), 400, "invalid_date");
        assertProblem(teller.get("/clearing/files/" + LocalDate.now(LIMA).plusDays(2)), 400, "invalid_date");
        assertProblem(teller.get("/clearing/files/2001-01-01"), 404, "no_clearing_payments");
    }

    @Test
    void aDayOverTenThousandPaymentsIsRefusedAndTenThousandFitInOneFile() {
        // A past day of bulk payments, written straight to the table: 10 001 accepted interbank PEN credits.
        LocalDate day = LocalDate.of(2020, 2, 2);
        Instant noon = day.atTime(12, 0).atZone(LIMA).toInstant();
        String cci = cci("018", "000777");
        jdbc.sql("""
                        insert into payments (id, customer_id, type, state, source_account_id, amount_minor, currency, payee,
                            beneficiary_name, channel, created_at, updated_at)
                        select gen_random_uuid(), gen_random_uuid(), 'INTERBANK', 'COMPLETED', gen_random_uuid(), 100 + number, 'PEN',
                            :payee, 'Bulk Beneficiary', 'web', cast(:createdAt as timestamptz) + number * interval '1 millisecond',
                            cast(:createdAt as timestamptz)
                        from generate_series(1, 10001) as number""")
                .param("payee", "CCI:" + cci).param("createdAt", Timestamp.from(noon)).update();
        TestHttp teller = new TestHttp(port, TestTokens.get().staff("demo.teller", "payments", List.of("teller")));
        assertProblem(teller.get("/clearing/files/" + day), 422, "too_many_clearing_payments");

        jdbc.sql("delete from payments where id = (select id from payments where payee = :payee and created_at >= :from order by created_at desc limit 1)")
                .param("payee", "CCI:" + cci).param("from", Timestamp.from(noon)).update();
        HttpResponse<String> response = teller.get("/clearing/files/" + day);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode parsed = Nach2Reader.read(response.body());
        assertThat(parsed.get("validationErrors").toString()).isEqualTo("[]");
        assertThat(parsed.get("identicalToNach2").asBoolean()).as(parsed.get("differences").toString()).isTrue();
        assertThat(parsed.get("nach2").get("entryCount").asInt()).isEqualTo(10_000);
        // 10 000 × 00180011 = 1 800 110 000; amounts 101 .. 10 100 cents add up to 10 000 × 100 + 10 000 × 10 001 / 2.
        assertThat(parsed.get("nach2").get("entryHash").asString()).isEqualTo("1800110000");
        assertThat(parsed.get("nach2").get("totalCreditCents").asString()).isEqualTo(Long.toString(10_000L * 100 + 10_000L * 10_001 / 2));
        assertThat(parsed.get("recordCount").asInt()).isEqualTo(10_010);
    }

    // --- helpers -----------------------------------------------------------------------------------------------------------------

    static JsonNode entryOf(JsonNode parsed, String paymentId) {
        String individualId = paymentId.substring(0, 15).toUpperCase(java.util.Locale.ROOT);
        for (JsonNode entry : parsed.get("entries")) {
            if (entry.get("individualId").asString().equals(individualId)) {
                return entry;
            }
        }
        return null;
    }

    static UUID openFundedAccount(UUID customerId, String balance) throws Exception {
        UUID accountId = UUID.randomUUID();
        HttpResponse<String> opened = LEDGER_ADMIN.post("/accounts", JSON.writeValueAsString(Map.of("id", accountId.toString(),
                "customerId", customerId.toString(), "product", "SAVINGS", "currency", "PEN")));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        UUID settlement = UUID.randomUUID();
        HttpResponse<String> settlementOpened = LEDGER_ADMIN.post("/accounts", JSON.writeValueAsString(Map.of("id", settlement.toString(),
                "product", "SETTLEMENT", "currency", "PEN")));
        assertThat(settlementOpened.statusCode()).as(settlementOpened.body()).isEqualTo(201);
        HttpResponse<String> funded = LEDGER_ADMIN.post("/transfers/batch", JSON.writeValueAsString(Map.of("transfers", List.of(
                Map.of("id", UUID.randomUUID().toString(), "debitAccountId", settlement.toString(), "creditAccountId", accountId.toString(),
                        "amount", balance, "currency", "PEN", "code", "deposit")))));
        assertThat(funded.body()).contains("\"ok\"");
        return accountId;
    }

    static String payInterbank(TestHttp customer, UUID accountId, String cci, String amount) throws Exception {
        Map<String, Object> money = new LinkedHashMap<>();
        money.put("amount", amount);
        money.put("currency", "PEN");
        HttpResponse<String> created = customer.send(customer.builder("/payments").header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("type", "interbank",
                        "sourceAccountId", accountId.toString(), "amount", money, "destinationCci", cci,
                        "beneficiaryName", "María Pérez")))).build());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asString();
    }

    static void awaitState(TestHttp customer, String paymentId, String state) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode current = JSON.readTree(customer.get("/payments/" + paymentId).body());
        while (!state.equals(current.get("state").asString()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            current = JSON.readTree(customer.get("/payments/" + paymentId).body());
        }
        assertThat(current.get("state").asString()).as(current.toString()).isEqualTo(state);
    }

    /** A valid CCI at {@code bank}, branch 001, whose account part ends with {@code ending} (the sandbox's special numbers). */
    static String cci(String bank, String ending) {
        String account = String.format("%06d", ThreadLocalRandom.current().nextInt(1, 999_999)) + ending;
        String branch = "001";
        return bank + branch + account + AccountNumbers.cciCheckDigit(bank + branch) + AccountNumbers.cciCheckDigit(account);
    }
}

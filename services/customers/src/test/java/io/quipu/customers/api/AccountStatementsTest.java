package io.quipu.customers.api;

import static io.quipu.platform.test.ProblemAssertions.assertFieldError;
import static io.quipu.platform.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.quipu.platform.test.EmbeddedInfrastructure;
import io.quipu.platform.test.ServiceProcess;
import io.quipu.platform.test.TestHttp;
import io.quipu.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A customer's movements and statements over HTTP, with the real ledger (run from its jar) holding the account and its
 * transfers: filters, pages, the customer's own accounts only, CSV and a PDF that really opens.
 */
@EmbeddedInfrastructure(database = "customers")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.security.oauth2.client.registration.customers.client-secret=secret"})
class AccountStatementsTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ServiceProcess LEDGER = ServiceProcess.start("ledger", "services/ledger", "quipu-ledger", "ledger_for_customers", Map.of());
    static final TestHttp LEDGER_ADMIN = new TestHttp(LEDGER.baseUrl(), TestTokens.get().service("customers-test", "ledger",
            "ledger:read", "ledger:write"));

    static UUID customerId;
    static UUID accountId;
    static String accountNumber;
    static UUID strangerId;
    static UUID strangersAccountId;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        registry.add("quipu.services.ledger.url", LEDGER::baseUrl);
        registry.add("spring.security.oauth2.client.provider.quipu.token-uri", () -> TestTokens.get().tokenUri());
    }

    @BeforeAll
    static void accountsWithHistory() {
        UUID cash = openAccount(null, "SETTLEMENT");
        customerId = UUID.randomUUID();
        accountId = openAccount(customerId, "SAVINGS");
        accountNumber = JSON.readTree(LEDGER_ADMIN.get("/accounts/" + accountId).body()).get("accountNumber").asString();
        strangerId = UUID.randomUUID();
        strangersAccountId = openAccount(strangerId, "SAVINGS");
        // A deposit of 1,000.00, then three payments out: 12.50, 250.00, 99.99; and one in of 40.00.
        transfer(cash, accountId, "1000.00", "cash_deposit");
        transfer(accountId, cash, "12.50", "internal_transfer");
        transfer(accountId, cash, "250.00", "internal_transfer");
        transfer(accountId, cash, "99.99", "internal_transfer");
        transfer(cash, accountId, "40.00", "internal_transfer");
    }

    @AfterAll
    static void stopLedger() {
        LEDGER.close();
    }

    @Test
    void movementsComeNewestFirstWithTheBalanceAfterEachAndPageByNextBefore() {
        TestHttp customer = asCustomer(customerId);
        JsonNode all = json(customer.get(movements(customerId, accountId, "limit=10")), 200);
        assertThat(amounts(all)).containsExactly("40.00", "99.99", "250.00", "12.50", "1000.00");
        assertThat(all.get("lines").get(0).get("postedBalanceAfter").get("amount").asString()).isEqualTo("677.51");
        assertThat(all.get("lines").get(4).get("direction").asString()).isEqualTo("credit");

        JsonNode first = json(customer.get(movements(customerId, accountId, "limit=2")), 200);
        assertThat(amounts(first)).containsExactly("40.00", "99.99");
        JsonNode second = json(customer.get(movements(customerId, accountId, "limit=2&before=" + first.get("nextBefore").asLong())), 200);
        assertThat(amounts(second)).containsExactly("250.00", "12.50");
    }

    @Test
    void movementsAreFilteredBySideAmountAndDay() {
        TestHttp customer = asCustomer(customerId);
        assertThat(amounts(json(customer.get(movements(customerId, accountId, "direction=debit")), 200)))
                .containsExactly("99.99", "250.00", "12.50");
        assertThat(amounts(json(customer.get(movements(customerId, accountId, "minAmount=40.00&maxAmount=250.00")), 200)))
                .containsExactly("40.00", "99.99", "250.00");
        assertThat(amounts(json(customer.get(movements(customerId, accountId, "direction=credit&minAmount=500")), 200)))
                .containsExactly("1000.00");
        LocalDate today = LocalDate.now(ZoneId.of("America/Lima"));
        assertThat(amounts(json(customer.get(movements(customerId, accountId, "from=" + today + "&to=" + today)), 200))).hasSize(5);
        assertThat(amounts(json(customer.get(movements(customerId, accountId, "from=" + today.minusDays(30) + "&to="
                + today.minusDays(1))), 200))).isEmpty();
    }

    @Test
    void aCustomerReachesOnlyTheirOwnAccountsAndBadFiltersAreProblems() {
        TestHttp customer = asCustomer(customerId);
        // Someone else's record, or someone else's account under one's own record: not found, as if it did not exist.
        assertProblem(customer.get(movements(strangerId, strangersAccountId, "")), 404, null);
        assertProblem(customer.get(movements(customerId, strangersAccountId, "")), 404, "account_not_found");
        assertProblem(customer.get(movements(customerId, UUID.randomUUID(), "")), 404, "account_not_found");
        assertProblem(customer.get("/customers/" + customerId + "/accounts/" + strangersAccountId + "/statement?format=csv"), 404,
                "account_not_found");
        // Staff may read any customer's.
        TestHttp teller = new TestHttp(port, TestTokens.get().staff("demo.teller", "customers", List.of("teller"), "customers:read"));
        assertThat(teller.get(movements(strangerId, strangersAccountId, "")).statusCode()).isEqualTo(200);

        assertFieldError(customer.get(movements(customerId, accountId, "from=2026-13-01")), "from");
        assertFieldError(customer.get(movements(customerId, accountId, "from=2026-02-10&to=2026-02-01")), "from");
        assertFieldError(customer.get(movements(customerId, accountId, "from=2020-01-01&to=2022-01-01")), "from");
        assertFieldError(customer.get(movements(customerId, accountId, "to=2999-01-01")), "from");
        assertFieldError(customer.get(movements(customerId, accountId, "direction=sideways")), "direction");
        assertFieldError(customer.get(movements(customerId, accountId, "minAmount=-5")), "minAmount");
        assertFieldError(customer.get(movements(customerId, accountId, "minAmount=1e3")), "minAmount");
        assertFieldError(customer.get(movements(customerId, accountId, "minAmount=10&maxAmount=5")), "maxAmount");
        assertFieldError(customer.get(movements(customerId, accountId, "limit=0")), "limit");
        assertFieldError(customer.get(movements(customerId, accountId, "limit=101")), "limit");
        assertProblem(customer.get(movements(customerId, accountId, "before=yesterday")), 400, null);
        assertFieldError(customer.get("/customers/" + customerId + "/accounts/" + accountId + "/statement?format=xls"), "format");
    }

    @Test
    void theStatementIsACsvToTheCentAndAPdfThatOpens() throws Exception {
        TestHttp customer = asCustomer(customerId);
        HttpResponse<String> csv = customer.get("/customers/" + customerId + "/accounts/" + accountId + "/statement?format=csv");
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", accountNumber, ".csv");
        List<String> rows = csv.body().lines().toList();
        assertThat(rows.get(0)).isEqualTo("date,transfer_id,code,direction,amount,currency,posted_balance_after");
        assertThat(rows).hasSize(6);
        assertThat(rows.get(1)).contains(",cash_deposit,credit,1000.00,PEN,1000.00");
        assertThat(rows.get(5)).endsWith(",internal_transfer,credit,40.00,PEN,677.51");
        assertThat(rows.stream().skip(1).map(row -> row.split(",")[4]).toList()).containsExactly("1000.00", "-12.50", "-250.00",
                "-99.99", "40.00");

        HttpResponse<byte[]> pdf = java.net.http.HttpClient.newHttpClient().send(customer.builder("/customers/" + customerId
                + "/accounts/" + accountId + "/statement?format=pdf").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Estado de cuenta", accountNumber, "1000.00", "-250.00", "677.51", "Rosa");
        }
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    TestHttp asCustomer(UUID id) {
        registerCustomer(id);
        return new TestHttp(port, TestTokens.get().customer(id, "customers", "customers:read"));
    }

    /** The customer's record, as a teller registers it (once). */
    void registerCustomer(UUID id) {
        TestHttp teller = new TestHttp(port, TestTokens.get().staff("demo.teller", "customers", List.of("teller"), "customers:read"));
        for (UUID person : List.of(customerId, strangerId)) {
            if (teller.get("/customers/" + person).statusCode() == 404) {
                HttpResponse<String> created = teller.post("/customers/batch",
                        JSON.writeValueAsString(Map.of("customers", List.of(CustomerBatchApiTest.person(person)))));
                assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            }
        }
    }

    static String movements(UUID customer, UUID account, String query) {
        return "/customers/" + customer + "/accounts/" + account + "/movements" + (query.isEmpty() ? "" : "?" + query);
    }

    static UUID openAccount(UUID customer, String product) {
        UUID id = UUID.randomUUID();
        String body = customer == null
                ? "{\"id\":\"" + id + "\",\"product\":\"" + product + "\",\"currency\":\"PEN\"}"
                : "{\"id\":\"" + id + "\",\"customerId\":\"" + customer + "\",\"product\":\"" + product + "\",\"currency\":\"PEN\"}";
        HttpResponse<String> opened = LEDGER_ADMIN.post("/accounts", body);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return id;
    }

    static void transfer(UUID debit, UUID credit, String amount, String code) {
        HttpResponse<String> made = LEDGER_ADMIN.post("/transfers", "{\"id\":\"" + UUID.randomUUID() + "\",\"debitAccountId\":\"" + debit
                + "\",\"creditAccountId\":\"" + credit + "\",\"amount\":\"" + amount + "\",\"currency\":\"PEN\",\"code\":\"" + code + "\"}");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    }

    static List<String> amounts(JsonNode page) {
        List<String> amounts = new ArrayList<>();
        page.get("lines").forEach(line -> amounts.add(line.get("amount").get("amount").asString()));
        return amounts;
    }

    static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }
}

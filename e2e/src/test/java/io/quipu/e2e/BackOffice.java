package io.quipu.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

import io.quipu.platform.banking.AccountNumbers;

/**
 * What a branch does for the e2e tests, straight at the ledger with a service's client-credentials token from the real
 * identity service (the {@code customers} client, which may write to the ledger): cash deposits and opening accounts.
 */
final class BackOffice {

    private final String identity;
    private final String ledger;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String token;
    private String settlementAccount;

    BackOffice(String identity, String ledger) {
        this.identity = identity;
        this.ledger = ledger;
    }

    /** A cash deposit: from the bank's settlement account to the customer's. */
    void deposit(String accountId, String amount) throws Exception {
        HttpResponse<String> deposited = post("/transfers/batch", """
                {"transfers": [{"id": "%s", "debitAccountId": "%s", "creditAccountId": "%s", "amount": "%s", "currency": "PEN",
                                "code": "cash_deposit"}]}""".formatted(UUID.randomUUID(), settlement(), accountId, amount));
        assertThat(deposited.body()).as(deposited.body()).contains("\"ok\"");
    }

    /** Opens a PEN savings account for the customer; returns its account number. */
    String openAccount(String customerId) throws Exception {
        HttpResponse<String> opened = post("/accounts", """
                {"id": "%s", "customerId": "%s", "product": "SAVINGS", "currency": "PEN"}""".formatted(UUID.randomUUID(), customerId));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return JsonPath.read(opened.body(), "$.accountNumber");
    }

    /** The available balances of the customer's accounts, by account id. */
    java.util.Map<String, String> availableOfCustomer(String customerId) throws Exception {
        HttpResponse<String> accounts = client.send(HttpRequest.newBuilder(URI.create(ledger + "/accounts?customerId=" + customerId))
                .header("Authorization", "Bearer " + token()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accounts.statusCode()).as(accounts.body()).isEqualTo(200);
        java.util.Map<String, String> balances = new java.util.LinkedHashMap<>();
        List<String> ids = JsonPath.read(accounts.body(), "$[*].id");
        List<String> available = JsonPath.read(accounts.body(), "$[*].available.amount");
        for (int i = 0; i < ids.size(); i++) {
            balances.put(ids.get(i), available.get(i));
        }
        return balances;
    }

    String available(String accountId) throws Exception {
        HttpResponse<String> account = client.send(HttpRequest.newBuilder(URI.create(ledger + "/accounts/" + accountId))
                .header("Authorization", "Bearer " + token()).GET().build(), HttpResponse.BodyHandlers.ofString());
        return JsonPath.read(account.body(), "$.available.amount");
    }

    /** A valid CCI at {@code bank} whose 12-digit account part ends with {@code ending}. */
    static String cci(String bank, String ending) {
        String account = "0".repeat(12 - ending.length()) + ending;
        String branch = "001";
        return bank + branch + account + AccountNumbers.cciCheckDigit(bank + branch) + AccountNumbers.cciCheckDigit(account);
    }

    private String settlement() throws Exception {
        if (settlementAccount == null) {
            String id = UUID.randomUUID().toString();
            HttpResponse<String> opened = post("/accounts", """
                    {"id": "%s", "product": "SETTLEMENT", "currency": "PEN"}""".formatted(id));
            assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
            settlementAccount = id;
        }
        return settlementAccount;
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(ledger + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token() throws Exception {
        if (token == null) {
            String basic = Base64.getEncoder().encodeToString("customers:customers-secret".getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> issued = client.send(HttpRequest.newBuilder(URI.create(identity + "/oauth2/token"))
                    .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=ledger:read%20ledger:write")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
            token = JsonPath.read(issued.body(), "$.access_token");
        }
        return token;
    }
}

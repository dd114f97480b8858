package io.quipu.ledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;

import io.quipu.platform.test.TestHttp;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ledger's HTTP API as a test client. */
final class LedgerApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    final TestHttp http;

    LedgerApi(TestHttp http) {
        this.http = http;
    }

    UUID openAccount(UUID customerId, String product, String currency) {
        UUID id = UUID.randomUUID();
        String customer = customerId == null ? "null" : "\"" + customerId + "\"";
        HttpResponse<String> response = http.post("/accounts", """
                {"id":"%s","customerId":%s,"product":"%s","currency":"%s"}""".formatted(id, customer, product, currency));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return id;
    }

    HttpResponse<String> transfer(UUID id, UUID debit, UUID credit, String amount, String extra) {
        return http.post("/transfers", transferJson(id, debit, credit, amount, extra));
    }

    static String transferJson(UUID id, UUID debit, UUID credit, String amount, String extra) {
        return """
                {"id":"%s","debitAccountId":%s,"creditAccountId":%s,"amount":%s,"currency":"PEN","code":"test"%s}"""
                .formatted(id, quoted(debit), quoted(credit), amount == null ? "null" : "\"" + amount + "\"",
                        extra == null ? "" : "," + extra);
    }

    JsonNode account(UUID id) {
        HttpResponse<String> response = http.get("/accounts/" + id);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    String available(UUID id) {
        return account(id).get("available").get("amount").asString();
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static String quoted(UUID id) {
        return id == null ? "null" : "\"" + id + "\"";
    }
}

package io.quipu.e2e;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;

/** The ledger's HTTP API as a service calls it, with a client-credentials token from the real identity service. */
final class LedgerClient {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;
    private final String token;

    LedgerClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    static String clientCredentialsToken(String identityUrl, String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(identityUrl + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=ledger:read%20ledger:write"))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("no token: " + response.statusCode() + " " + response.body());
        }
        return JsonPath.read(response.body(), "$.access_token");
    }

    String openAccount(String customerId, String product) throws Exception {
        String id = UUID.randomUUID().toString();
        String customer = customerId == null ? "null" : "\"" + customerId + "\"";
        HttpResponse<String> response = send(request("/accounts").POST(HttpRequest.BodyPublishers.ofString(
                "{\"id\":\"%s\",\"customerId\":%s,\"product\":\"%s\",\"currency\":\"PEN\"}".formatted(id, customer, product))));
        if (response.statusCode() != 201) {
            throw new AssertionError("account not opened: " + response.statusCode() + " " + response.body());
        }
        return id;
    }

    /** The status of one transfer request; while the ledger is down, 0. */
    int transfer(String id, String debit, String credit, String amount) {
        try {
            return send(request("/transfers").POST(HttpRequest.BodyPublishers.ofString(
                    "{\"id\":\"%s\",\"debitAccountId\":\"%s\",\"creditAccountId\":\"%s\",\"amount\":\"%s\",\"currency\":\"PEN\",\"code\":\"crash_test\"}"
                            .formatted(id, debit, credit, amount)))).statusCode();
        } catch (Exception connectionRefusedOrReset) {
            return 0;
        }
    }

    int transferStatus(String id) throws Exception {
        return send(request("/transfers/" + id).GET()).statusCode();
    }

    long postedMinor(String accountId) throws Exception {
        HttpResponse<String> response = send(request("/accounts/" + accountId).GET());
        String amount = JsonPath.read(response.body(), "$.posted.amount");
        return new BigDecimal(amount).movePointRight(2).longValueExact();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

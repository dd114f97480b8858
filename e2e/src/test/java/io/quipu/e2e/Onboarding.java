package io.quipu.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import com.jayway.jsonpath.JsonPath;

/**
 * A person onboarding from their phone through the gateway's API: the app's calls, with the sandbox playing the
 * identity registry (the person is registered there first) and the face (the registry photo's template, a little
 * noise: a real selfie's features).
 */
final class Onboarding {

    private final String gateway;
    private final String sandbox;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String caseId;
    String resumeToken;
    String accountNumber;

    Onboarding(String gateway, String sandbox) {
        this.gateway = gateway;
        this.sandbox = sandbox;
    }

    /** Every step up to "completed"; returns the customer id, and checks the signed contract reached the mailbox. */
    String completeFor(String dni, String givenNames, String paternal, String maternal, String email, String phone, String username,
                       String password) throws Exception {
        HttpResponse<String> registered = send("PUT", sandbox + "/sandbox/registry/persons/DNI/" + dni, """
                {"givenNames": "%s", "paternalSurname": "%s", "maternalSurname": "%s", "birthDate": "1991-04-12",
                 "gender": "F", "address": "Jr. Ucayali 250, Lima"}""".formatted(givenNames, paternal, maternal), null);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        String photoReference = JsonPath.read(registered.body(), "$.photoReference");

        HttpResponse<String> started = send("POST", gateway + "/api/customers/onboarding", """
                {"documentType": "DNI", "documentNumber": "%s", "givenNames": "%s", "surnames": "%s %s", "email": "%s",
                 "phone": "%s", "language": "es", "birthDate": "1991-04-12"}"""
                .formatted(dni, givenNames, paternal, maternal, email, phone), null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        caseId = JsonPath.read(started.body(), "$.id");
        resumeToken = JsonPath.read(started.body(), "$.resumeToken");
        String customerId = JsonPath.read(started.body(), "$.customerId");

        String features = features(photoReference);
        assertState(step("/selfie", "{\"features\": " + features + "}"), "screened");
        HttpResponse<String> credentials = step("/credentials", """
                {"username": "%s", "password": "%s", "accountCurrency": "PEN"}""".formatted(username, password));
        assertState(credentials, "account_opened");
        accountNumber = JsonPath.read(credentials.body(), "$.accountNumber");
        assertState(step("/contract/signature", "{\"features\": " + features + "}"), "completed");

        HttpResponse<String> mail = send("GET", sandbox + "/sandbox/mail?to=" + email, null, null);
        assertThat(JsonPath.<List<String>>read(mail.body(), "$[0].attachments[*].contentType")).anyMatch(type -> type.startsWith("application/pdf"));
        return customerId;
    }

    private HttpResponse<String> step(String path, String json) throws Exception {
        return send("POST", gateway + "/api/customers/onboarding/" + caseId + path, json, resumeToken);
    }

    private static void assertState(HttpResponse<String> response, String state) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(response.body(), "$.state")).as(response.body()).isEqualTo(state);
    }

    private String features(String photoReference) throws Exception {
        HttpResponse<String> template = send("GET", sandbox + "/sandbox/biometrics/templates/" + photoReference, null, null);
        assertThat(template.statusCode()).as(template.body()).isEqualTo(200);
        List<Number> vector = JsonPath.read(template.body(), "$.vector");
        Random noise = new Random(7);
        List<String> values = new ArrayList<>();
        vector.forEach(value -> values.add(Double.toString(value.doubleValue() + noise.nextGaussian() * 0.01)));
        return "{\"vector\": [" + String.join(",", values) + "], \"livenessScore\": 0.96}";
    }

    private HttpResponse<String> send(String method, String url, String json, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("X-Onboarding-Token", token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

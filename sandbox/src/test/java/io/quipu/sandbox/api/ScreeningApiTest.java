package io.quipu.sandbox.api;

import static io.quipu.sandbox.api.ApiAssertions.assertFieldError;
import static io.quipu.sandbox.api.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The screening provider simulator over real HTTP, against the bundled fictional lists and names added at runtime. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "quipu.sandbox.smtp-port=0")
class ScreeningApiTest {

    static final Map<String, String> SCREENING_KEY = Map.of("X-Api-Key", "sandbox-screening-key");

    @LocalServerPort
    int port;

    HttpTestClient http;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
    }

    @AfterEach
    void forgetAddedEntries() {
        http.delete("/sandbox/screening/entries");
    }

    private HttpTestClient.Reply check(String fullName) {
        return http.postJson("/screening/v1/checks", Map.of("documentType", "DNI", "documentNumber", "45871236",
                "fullName", fullName, "birthDate", "1985-04-12", "nationality", "PE"), SCREENING_KEY);
    }

    @Test
    void anOrdinaryPersonIsClear() {
        HttpTestClient.Reply reply = check("María Quispe Flores");
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        assertThat(reply.json().get("checkId").asString()).isNotBlank();
        assertThat(reply.json().get("result").asString()).isEqualTo("clear");
        assertThat(reply.json().get("pep").asBoolean()).isFalse();
        assertThat(reply.json().get("matches")).isEmpty();
    }

    @Test
    void aSanctionedNameIsAHitWhateverItsAccentsCaseAndWordOrder() {
        JsonNode reply = check("DRAKUL, Zoltán Vexmoor").json();
        assertThat(reply.get("result").asString()).isEqualTo("hit");
        assertThat(reply.get("pep").asBoolean()).isFalse();
        JsonNode match = reply.get("matches").get(0);
        assertThat(match.get("list").asString()).isEqualTo("UN-SANCTIONS");
        assertThat(match.get("matchedName").asString()).isEqualTo("Zoltan Vexmoor Drakul");
        assertThat(match.get("score").asDouble()).isEqualTo(1.0);

        assertThat(check("Cornelius Ravensworht").json().get("result").asString()).as("a small typo").isEqualTo("hit");
        assertThat(check("Cornelius Quispe").json().get("result").asString()).as("one common word").isEqualTo("clear");
    }

    @Test
    void aPepMatchFlagsThePersonButStaysClear() {
        JsonNode reply = check("Hortensia Ficticia Paucarpata").json();
        assertThat(reply.get("result").asString()).isEqualTo("clear");
        assertThat(reply.get("pep").asBoolean()).isTrue();
        assertThat(reply.get("matches").get(0).get("list").asString()).isEqualTo("PEP-PE");
    }

    @Test
    void entriesAddedAtRuntimeMatch() {
        HttpTestClient.Reply added = http.postJson("/sandbox/screening/entries", Map.of("list", "OFAC-SDN", "name", "Rosa Elena Ticona Apaza"), Map.of());
        assertThat(added.status()).as(added.text()).isEqualTo(201);
        assertThat(added.json().get("list").asString()).isEqualTo("OFAC-SDN");
        http.postJson("/sandbox/screening/entries", Map.of("list", "PEP-EC", "name", "Rosa Ticona"), Map.of());

        JsonNode reply = check("ticona apaza rosa elena").json();
        assertThat(reply.get("result").asString()).isEqualTo("hit");
        assertThat(reply.get("pep").asBoolean()).isTrue();
        assertThat(reply.get("matches")).hasSize(2);

        assertThat(http.delete("/sandbox/screening/entries").status()).isEqualTo(204);
        assertThat(check("ticona apaza rosa elena").json().get("result").asString()).isEqualTo("clear");
    }

    @Test
    void refusesAMissingOrWrongApiKey() {
        assertProblem(http.postJson("/screening/v1/checks", Map.of(), Map.of()), 401, "missing_api_key");
        assertProblem(http.postJson("/screening/v1/checks", Map.of(), Map.of("X-Api-Key", "sandbox-esign-key")), 401, "invalid_api_key");
    }

    @Test
    void refusesBadInputWithFieldErrors() {
        HttpTestClient.Reply bad = http.postJson("/screening/v1/checks", Map.of("documentType", "DNI", "documentNumber", "123",
                "fullName", "  ", "birthDate", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString(), "nationality", "PER"), SCREENING_KEY);
        assertFieldError(bad, "documentNumber", "invalid_document_number");
        assertFieldError(bad, "fullName", "required");
        assertFieldError(bad, "birthDate", "out_of_range");
        assertFieldError(bad, "nationality", "invalid_country");
        HttpTestClient.Reply empty = http.postJson("/screening/v1/checks", Map.of(), SCREENING_KEY);
        assertFieldError(empty, "documentType", "required");
        assertFieldError(empty, "birthDate", "required");
        assertFieldError(empty, "nationality", "required");
        assertFieldError(http.postJson("/screening/v1/checks", Map.of("documentType", "RUC", "documentNumber", "1"), SCREENING_KEY),
                "documentType", "invalid_value");
        assertFieldError(http.postJson("/screening/v1/checks", Map.of("fullName", "x".repeat(201)), SCREENING_KEY), "fullName", "too_long");

        HttpTestClient.Reply badEntry = http.postJson("/sandbox/screening/entries", Map.of("list", "INTERPOL", "name", "!!!"), Map.of());
        assertFieldError(badEntry, "list", "invalid_value");
        assertFieldError(badEntry, "name", "invalid_name");
    }
}

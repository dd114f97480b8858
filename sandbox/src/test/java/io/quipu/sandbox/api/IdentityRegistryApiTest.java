package io.quipu.sandbox.api;

import static io.quipu.sandbox.api.ApiAssertions.assertFieldError;
import static io.quipu.sandbox.api.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The identity registry simulator and its control panel over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "quipu.sandbox.smtp-port=0")
class IdentityRegistryApiTest {

    static final Map<String, String> REGISTRY_KEY = Map.of("X-Api-Key", "sandbox-registry-key");

    @LocalServerPort
    int port;

    HttpTestClient http;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
    }

    @Test
    void anUnregisteredNumberGivesTheSameSyntheticAdultEveryTime() {
        HttpTestClient.Reply first = http.get("/registry/v1/persons/DNI/45871236", REGISTRY_KEY);
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        JsonNode person = first.json();
        assertThat(person.get("documentType").asString()).isEqualTo("DNI");
        assertThat(person.get("documentNumber").asString()).isEqualTo("45871236");
        assertThat(person.get("givenNames").asString()).isNotBlank();
        assertThat(person.get("paternalSurname").asString()).isNotBlank();
        assertThat(person.get("maternalSurname").asString()).isNotBlank();
        assertThat(person.get("gender").asString()).isIn("F", "M");
        assertThat(person.get("address").asString()).isNotBlank();
        assertThat(person.get("photoReference").asString()).startsWith("reniec-photo-");
        assertThat(person.get("deceased").asBoolean()).isFalse();
        int age = Period.between(LocalDate.parse(person.get("birthDate").asString()), LocalDate.now(ZoneOffset.UTC)).getYears();
        assertThat(age).isBetween(19, 75);

        assertThat(http.get("/registry/v1/persons/DNI/45871236", REGISTRY_KEY).json()).isEqualTo(person);
        JsonNode ecuadorian = http.get("/registry/v1/persons/CEDULA_EC/1712345678", REGISTRY_KEY).json();
        assertThat(ecuadorian.get("documentType").asString()).isEqualTo("CEDULA_EC");
        assertThat(ecuadorian.get("address").asString()).containsAnyOf("Pichincha", "Guayas", "Azuay", "Tungurahua", "Loja");
    }

    @Test
    void documentedSpecialNumbers() {
        assertProblem(http.get("/registry/v1/persons/DNI/12345000", REGISTRY_KEY), 404, "person_not_found");
        assertThat(http.get("/registry/v1/persons/DNI/10000009", REGISTRY_KEY).json().get("deceased").asBoolean()).isTrue();
        assertThat(http.get("/registry/v1/persons/CEDULA_EC/1712345000", REGISTRY_KEY).status())
                .as("only DNI numbers ending in 000 are unregistered").isEqualTo(200);
    }

    @Test
    void theControlPanelSetsAnExactPersonAndRemovesIt() {
        String minorBirthDate = LocalDate.now(ZoneOffset.UTC).minusYears(16).toString();
        Map<String, Object> minor = new HashMap<>(Map.of("givenNames", "Valeria Sofía", "paternalSurname", "Quispe",
                "maternalSurname", "Mamani", "birthDate", minorBirthDate, "gender", "F", "address", "Jr. Lima 123, Puno, Puno"));
        HttpTestClient.Reply set = http.putJson("/sandbox/registry/persons/DNI/70000001", minor);
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(set.json().get("photoReference").asString()).startsWith("reniec-photo-");

        JsonNode person = http.get("/registry/v1/persons/DNI/70000001", REGISTRY_KEY).json();
        assertThat(person.get("givenNames").asString()).isEqualTo("Valeria Sofía");
        assertThat(person.get("birthDate").asString()).isEqualTo(minorBirthDate);
        assertThat(person.get("deceased").asBoolean()).isFalse();

        // An explicit person wins over the special numbers.
        minor.put("photoReference", "custom-photo-1");
        minor.put("deceased", true);
        assertThat(http.putJson("/sandbox/registry/persons/DNI/70000000", minor).status()).isEqualTo(200);
        JsonNode special = http.get("/registry/v1/persons/DNI/70000000", REGISTRY_KEY).json();
        assertThat(special.get("photoReference").asString()).isEqualTo("custom-photo-1");
        assertThat(special.get("deceased").asBoolean()).isTrue();

        assertThat(http.delete("/sandbox/registry/persons/DNI/70000001").status()).isEqualTo(204);
        assertThat(http.get("/registry/v1/persons/DNI/70000001", REGISTRY_KEY).json().get("givenNames").asString())
                .as("synthetic again").isNotEqualTo("Valeria Sofía");
        assertThat(http.delete("/sandbox/registry/persons/DNI/70000000").status()).isEqualTo(204);
        assertProblem(http.get("/registry/v1/persons/DNI/70000000", REGISTRY_KEY), 404, "person_not_found");
        assertThat(http.delete("/sandbox/registry/persons/DNI/70000000").status()).as("idempotent").isEqualTo(204);
    }

    @Test
    void refusesAMissingOrWrongApiKey() {
        assertProblem(http.get("/registry/v1/persons/DNI/45871236"), 401, "missing_api_key");
        assertProblem(http.get("/registry/v1/persons/DNI/45871236", Map.of("X-Api-Key", "sandbox-sms-key")), 401, "invalid_api_key");
    }

    @Test
    void refusesBadDocumentsAndBadPersonsWithFieldErrors() {
        assertFieldError(http.get("/registry/v1/persons/DNI/1234567", REGISTRY_KEY), "documentNumber", "invalid_document_number");
        assertFieldError(http.get("/registry/v1/persons/DNI/1234567a", REGISTRY_KEY), "documentNumber", "invalid_document_number");
        assertFieldError(http.get("/registry/v1/persons/CEDULA_EC/12345678", REGISTRY_KEY), "documentNumber", "invalid_document_number");
        assertFieldError(http.get("/registry/v1/persons/PASSPORT/12345678", REGISTRY_KEY), "documentType", "invalid_value");

        HttpTestClient.Reply bad = http.putJson("/sandbox/registry/persons/DNI/70000002", Map.of("givenNames", "Ana1",
                "birthDate", LocalDate.now(ZoneOffset.UTC).plusDays(1).toString(), "gender", "X", "address", "x".repeat(201),
                "photoReference", "bad photo"));
        assertFieldError(bad, "givenNames", "invalid_name");
        assertFieldError(bad, "paternalSurname", "required");
        assertFieldError(bad, "maternalSurname", "required");
        assertFieldError(bad, "birthDate", "out_of_range");
        assertFieldError(bad, "gender", "invalid_value");
        assertFieldError(bad, "address", "too_long");
        assertFieldError(bad, "photoReference", "invalid_photo_reference");
        assertFieldError(http.putJson("/sandbox/registry/persons/DNI/70000002", Map.of("birthDate", "yesterday")), "birthDate", "invalid_type");
        assertProblem(http.putJson("/sandbox/registry/persons/DNI/70000002", "{not json"), 400, "malformed_json");
        assertFieldError(http.putJson("/sandbox/registry/persons/DNI/7", Map.of()), "documentNumber", "invalid_document_number");
    }
}

package io.quipu.sandbox.api;

import static io.quipu.sandbox.api.ApiAssertions.assertFieldError;
import static io.quipu.sandbox.api.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The biometric provider simulator over real HTTP: a selfie that is the template plus noise matches. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "quipu.sandbox.smtp-port=0")
class BiometricsApiTest {

    static final Map<String, String> BIOMETRICS_KEY = Map.of("X-Api-Key", "sandbox-biometrics-key");

    @LocalServerPort
    int port;

    HttpTestClient http;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
    }

    /** The template of the photo with a little noise: what a camera would capture of the same face. */
    static List<Double> matchingFeatures(HttpTestClient http, String photoReference, long seed) {
        JsonNode template = http.get("/sandbox/biometrics/templates/" + photoReference).json().get("vector");
        Random noise = new Random(seed);
        List<Double> vector = new ArrayList<>();
        template.forEach(value -> vector.add(value.asDouble() + noise.nextGaussian() * 0.01));
        return vector;
    }

    static Map<String, Object> verification(String documentNumber, String photoReference, List<Double> vector, double livenessScore) {
        return Map.of("documentNumber", documentNumber, "photoReference", photoReference,
                "features", Map.of("vector", vector, "livenessScore", livenessScore));
    }

    @Test
    void theTemplatePlusNoiseMatchesAndARandomFaceDoesNot() {
        HttpTestClient.Reply template = http.get("/sandbox/biometrics/templates/reniec-photo-abc123");
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.json().get("vector")).hasSize(128);
        assertThat(http.get("/sandbox/biometrics/templates/reniec-photo-abc123").json()).as("deterministic").isEqualTo(template.json());

        HttpTestClient.Reply verified = http.postJson("/biometrics/v1/verifications",
                verification("45871236", "reniec-photo-abc123", matchingFeatures(http, "reniec-photo-abc123", 1), 0.93), BIOMETRICS_KEY);
        assertThat(verified.status()).as(verified.text()).isEqualTo(200);
        JsonNode answer = verified.json();
        assertThat(answer.get("score").asDouble()).isGreaterThanOrEqualTo(0.95).isLessThanOrEqualTo(1.0);
        assertThat(answer.get("liveness").asBoolean()).isTrue();
        assertThat(answer.get("documentNumber").asString()).isEqualTo("45871236");
        assertThat(answer.get("verifiedAt").asString()).isNotBlank();
        String verificationId = answer.get("verificationId").asString();
        assertThat(http.get("/biometrics/v1/verifications/" + verificationId, BIOMETRICS_KEY).json()).isEqualTo(answer);

        Random random = new Random(7);
        List<Double> stranger = new ArrayList<>(Collections.nCopies(128, 0.0));
        stranger.replaceAll(ignored -> random.nextGaussian());
        JsonNode strangerAnswer = http.postJson("/biometrics/v1/verifications",
                verification("45871236", "reniec-photo-abc123", stranger, 0.2), BIOMETRICS_KEY).json();
        assertThat(strangerAnswer.get("score").asDouble()).isLessThan(0.4);
        assertThat(strangerAnswer.get("liveness").asBoolean()).isFalse();
    }

    @Test
    void refusesAMissingOrWrongApiKey() {
        assertProblem(http.postJson("/biometrics/v1/verifications", Map.of(), Map.of()), 401, "missing_api_key");
        assertProblem(http.get("/biometrics/v1/verifications/" + UUID.randomUUID(), Map.of("X-Api-Key", "wrong")), 401, "invalid_api_key");
    }

    @Test
    void refusesBadFeaturesWithFieldErrors() {
        List<Double> shortVector = new ArrayList<>(Collections.nCopies(127, 0.5));
        assertFieldError(http.postJson("/biometrics/v1/verifications", verification("45871236", "p1", shortVector, 0.9), BIOMETRICS_KEY),
                "features.vector", "wrong_size");
        assertFieldError(http.postJson("/biometrics/v1/verifications",
                verification("45871236", "p1", new ArrayList<>(Collections.nCopies(128, 0.5)), 1.5), BIOMETRICS_KEY),
                "features.livenessScore", "out_of_range");
        assertFieldError(http.postJson("/biometrics/v1/verifications",
                verification("45871236", "p1", new ArrayList<>(Collections.nCopies(128, 0.0)), 0.9), BIOMETRICS_KEY),
                "features.vector", "zero_vector");
        // 1e999 is read as infinity: not a number a face can have.
        String infinite = "{\"documentNumber\":\"45871236\",\"photoReference\":\"p1\",\"features\":{\"livenessScore\":0.9,\"vector\":[1e999"
                + ",0.1".repeat(127) + "]}}";
        assertFieldError(http.postJson("/biometrics/v1/verifications", infinite, BIOMETRICS_KEY), "features.vector[0]", "not_finite");
        String withNull = "{\"documentNumber\":\"45871236\",\"photoReference\":\"p1\",\"features\":{\"livenessScore\":0.9,\"vector\":[0.1"
                + ",0.1".repeat(126) + ",null]}}";
        assertFieldError(http.postJson("/biometrics/v1/verifications", withNull, BIOMETRICS_KEY), "features.vector[127]", "not_finite");
        HttpTestClient.Reply empty = http.postJson("/biometrics/v1/verifications", Map.of(), BIOMETRICS_KEY);
        assertFieldError(empty, "documentNumber", "required");
        assertFieldError(empty, "photoReference", "required");
        assertFieldError(empty, "features", "required");
        assertFieldError(http.postJson("/biometrics/v1/verifications",
                Map.of("documentNumber", "4587 1236", "photoReference", "p 1", "features", Map.of()), BIOMETRICS_KEY),
                "features.vector", "required");
        assertFieldError(http.postJson("/biometrics/v1/verifications",
                "{\"documentNumber\":\"45871236\",\"photoReference\":\"p1\",\"features\":{\"vector\":\"many\"}}", BIOMETRICS_KEY),
                "features.vector", "invalid_type");
        assertFieldError(http.get("/sandbox/biometrics/templates/bad%20photo"), "photoReference", "invalid_photo_reference");
    }

    @Test
    void anUnknownVerificationIsNotFound() {
        assertProblem(http.get("/biometrics/v1/verifications/" + UUID.randomUUID(), BIOMETRICS_KEY), 404, "verification_not_found");
        assertProblem(http.get("/biometrics/v1/verifications/not-a-uuid", BIOMETRICS_KEY), 400, "invalid_parameter");
    }
}

package io.quipu.sandbox.api;

import static io.quipu.sandbox.api.ApiAssertions.assertFieldError;
import static io.quipu.sandbox.api.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** Faults injected into the providers over real HTTP: down for exactly N calls, slow by at least the delay. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "quipu.sandbox.smtp-port=0")
class FaultInjectionApiTest {

    private static final String REGISTRY_PERSON = "/registry/v1/persons/DNI/45871236";

    @LocalServerPort
    int port;

    HttpTestClient http;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
    }

    @AfterEach
    void clearFaults() {
        assertThat(http.delete("/sandbox/faults").status()).isEqualTo(204);
    }

    @Test
    void aProviderDownAnswers503ExactlyTheGivenNumberOfCallsThenNormally() {
        HttpTestClient.Reply set = http.putJson("/sandbox/faults/registry", Map.of("mode", "down", "remainingCalls", 3));
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(set.json().get("provider").asString()).isEqualTo("registry");
        assertThat(set.json().get("remainingCalls").asInt()).isEqualTo(3);

        assertThat(http.get("/sandbox/faults").json().get(0).get("mode").asString()).isEqualTo("down");
        assertThat(http.get("/biometrics/v1/verifications/00000000-0000-0000-0000-000000000000",
                BiometricsApiTest.BIOMETRICS_KEY).status()).as("other providers are not affected").isEqualTo(404);
        for (int call = 1; call <= 3; call++) {
            HttpTestClient.Reply down = http.get(REGISTRY_PERSON, IdentityRegistryApiTest.REGISTRY_KEY);
            assertProblem(down, 503, "provider_unavailable");
            assertThat(down.header("Retry-After")).isEqualTo("1");
        }
        assertThat(http.get(REGISTRY_PERSON, IdentityRegistryApiTest.REGISTRY_KEY).status()).isEqualTo(200);
        assertThat(http.get("/sandbox/faults").json()).as("used up").isEmpty();
    }

    @Test
    void aProviderDownUntilClearedStaysDown() {
        http.putJson("/sandbox/faults/screening", Map.of("mode", "down", "remainingCalls", -1));
        for (int call = 1; call <= 5; call++) {
            assertProblem(http.postJson("/screening/v1/checks", Map.of(), ScreeningApiTest.SCREENING_KEY), 503, "provider_unavailable");
        }
        assertThat(http.delete("/sandbox/faults/screening").status()).isEqualTo(204);
        assertFieldError(http.postJson("/screening/v1/checks", Map.of(), ScreeningApiTest.SCREENING_KEY), "fullName", "required");
    }

    @Test
    void aSlowProviderAnswersNormallyAfterTheDelay() {
        http.putJson("/sandbox/faults/esign", Map.of("mode", "slow", "delayMillis", 700, "remainingCalls", 1));
        JsonNode active = http.get("/sandbox/faults").json().get(0);
        assertThat(active.get("provider").asString()).isEqualTo("esign");
        assertThat(active.get("delayMillis").asLong()).isEqualTo(700);

        long started = System.nanoTime();
        HttpTestClient.Reply slow = http.get("/esign/v1/signatures/00000000-0000-0000-0000-000000000000", ESignatureApiTest.ESIGN_KEY);
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        assertProblem(slow, 404, "signature_not_found");
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(700);

        started = System.nanoTime();
        http.get("/esign/v1/signatures/00000000-0000-0000-0000-000000000000", ESignatureApiTest.ESIGN_KEY);
        assertThat((System.nanoTime() - started) / 1_000_000).as("the fault was for one call").isLessThan(700);
    }

    @Test
    void theSandboxsOwnControlPathsAreNeverAffected() {
        http.putJson("/sandbox/faults/biometrics", Map.of("mode", "down"));
        assertThat(http.get("/sandbox/biometrics/templates/reniec-photo-1").status()).isEqualTo(200);
        assertThat(http.get("/sandbox/faults").json().get(0).get("remainingCalls").asInt()).isEqualTo(-1);
        assertThat(http.get("/").text()).contains("Onboarding providers").contains("biometrics down (until cleared)");
    }

    @Test
    void refusesBadFaultsWithFieldErrors() {
        assertFieldError(http.putJson("/sandbox/faults/clearing-house", Map.of("mode", "down")), "provider", "invalid_value");
        assertFieldError(http.putJson("/sandbox/faults/registry", Map.of("mode", "broken")), "mode", "invalid_value");
        assertFieldError(http.putJson("/sandbox/faults/registry", Map.of()), "mode", "required");
        assertFieldError(http.putJson("/sandbox/faults/registry", Map.of("mode", "slow")), "delayMillis", "required");
        assertFieldError(http.putJson("/sandbox/faults/registry", Map.of("mode", "slow", "delayMillis", 60_001)), "delayMillis", "out_of_range");
        assertFieldError(http.putJson("/sandbox/faults/registry", Map.of("mode", "down", "remainingCalls", 0)), "remainingCalls", "out_of_range");
        assertFieldError(http.putJson("/sandbox/faults/registry", Map.of("mode", "down", "remainingCalls", -2)), "remainingCalls", "out_of_range");
        assertFieldError(http.delete("/sandbox/faults/nobody"), "provider", "invalid_value");
        assertThat(http.get("/sandbox/faults").json()).isEmpty();
    }
}

package io.quipu.sandbox.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class SandboxPropertiesTest {

    private static SandboxProperties properties(String esignApiKey, int registryCapacity, DataSize esignMaxStoredBytes) {
        return new SandboxProperties(2525, "127.0.0.1", 10, DataSize.ofMegabytes(1), 10, "sms-key", "push-key", 10, 10, "registry-key",
                registryCapacity, "biometrics-key", 10, "screening-key", 10, esignApiKey, 10, esignMaxStoredBytes,
                "clearing-key", clearing(Duration.ofSeconds(2), "secret"), "swift-key",
                new SandboxProperties.Swift(Duration.ofSeconds(2), Duration.ofSeconds(3), "swift-secret", 10), "fx-key",
                Duration.ofSeconds(1), 100);
    }

    private static SandboxProperties.Clearing clearing(Duration settlementDelay, String webhookSecret) {
        return new SandboxProperties.Clearing(settlementDelay, Duration.ofSeconds(3), webhookSecret, 10);
    }

    @Test
    void acceptsSensibleSettings() {
        assertThatCode(() -> properties("esign-key", 1, DataSize.ofMegabytes(1))).doesNotThrowAnyException();
    }

    @Test
    void refusesBlankKeysAndCapacitiesBelowOne() {
        assertThatThrownBy(() -> properties(" ", 10, DataSize.ofMegabytes(1))).hasMessageContaining("esign-api-key");
        assertThatThrownBy(() -> properties("esign-key", 0, DataSize.ofMegabytes(1))).hasMessageContaining("registry-capacity");
        assertThatThrownBy(() -> properties("esign-key", 10, DataSize.ofBytes(0))).hasMessageContaining("esign-max-stored-bytes");
    }

    @Test
    void refusesNegativeDelaysAndBlankWebhookSecrets() {
        assertThatThrownBy(() -> clearing(Duration.ofMillis(-1), "secret")).hasMessageContaining("clearing.settlement-delay");
        assertThatThrownBy(() -> clearing(Duration.ofSeconds(1), " ")).hasMessageContaining("clearing.webhook-secret");
        assertThatThrownBy(() -> new SandboxProperties.Swift(Duration.ZERO, Duration.ZERO, "s", 0)).hasMessageContaining("swift.capacity");
    }
}

package io.quipu.sandbox.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class SandboxPropertiesTest {

    private static SandboxProperties properties(String esignApiKey, int registryCapacity, DataSize esignMaxStoredBytes) {
        return new SandboxProperties(2525, "127.0.0.1", 10, DataSize.ofMegabytes(1), 10, "sms-key", "registry-key",
                registryCapacity, "biometrics-key", 10, "screening-key", 10, esignApiKey, 10, esignMaxStoredBytes);
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
}

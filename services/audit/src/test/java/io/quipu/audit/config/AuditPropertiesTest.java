package io.quipu.audit.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class AuditPropertiesTest {

    @Test
    void refusesSettingsOutOfBoundsNamingTheProperty() {
        assertThatThrownBy(() -> new AuditProperties(null, 5000)).hasMessageContaining("quipu.audit.anchor-directory");
        assertThatThrownBy(() -> new AuditProperties(Path.of("x"), 0)).hasMessageContaining("quipu.audit.verify-batch-size");
        assertThatThrownBy(() -> new AuditProperties(Path.of("x"), 10_001)).hasMessageContaining("quipu.audit.verify-batch-size");
    }
}

package io.quipu.audit;

import org.junit.jupiter.api.Test;

import io.quipu.platform.test.ArchitectureRules;

class ArchitectureTest {

    @Test
    void followsTheServiceLayering() {
        ArchitectureRules.check("audit");
    }
}

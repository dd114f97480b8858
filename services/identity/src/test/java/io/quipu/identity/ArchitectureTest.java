package io.quipu.identity;

import org.junit.jupiter.api.Test;

import io.quipu.platform.test.ArchitectureRules;

class ArchitectureTest {

    @Test
    void followsTheServiceLayering() {
        ArchitectureRules.check("identity");
    }
}

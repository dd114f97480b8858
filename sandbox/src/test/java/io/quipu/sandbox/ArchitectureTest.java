package io.quipu.sandbox;

import org.junit.jupiter.api.Test;

import io.quipu.platform.test.ArchitectureRules;

class ArchitectureTest {

    @Test
    void followsTheLayeringRules() {
        ArchitectureRules.check("sandbox");
    }
}

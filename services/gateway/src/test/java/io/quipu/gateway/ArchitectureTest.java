package io.quipu.gateway;

import org.junit.jupiter.api.Test;

import io.quipu.platform.test.ArchitectureRules;

class ArchitectureTest {

    @Test
    void followsTheLayeringRules() {
        ArchitectureRules.check("gateway");
    }
}

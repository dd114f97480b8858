package io.quipu.notifications;

import org.junit.jupiter.api.Test;

import io.quipu.platform.test.ArchitectureRules;

class ArchitectureTest {

    @Test
    void followsTheServiceLayering() {
        ArchitectureRules.check("notifications");
    }
}

package io.quipu.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InfrastructureTest {

    @Test
    void everyPlatformTopicHasADeadLetterTopicWithTheSamePartitions() {
        assertThat(Infrastructure.TOPIC_PARTITIONS).containsEntry("payments", 6).containsEntry("transfers", 6)
                .containsEntry("auth-events", 3).containsEntry("notifications", 3).containsEntry("audit-logs", 12)
                .containsEntry("customers", 3).containsEntry("loans", 3)
                .containsEntry("payments.DLT", 6).containsEntry("audit-logs.DLT", 12).containsEntry("loans.DLT", 3)
                .hasSize(14);
    }
}

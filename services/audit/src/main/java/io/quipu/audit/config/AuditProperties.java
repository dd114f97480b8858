package io.quipu.audit.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.quipu.audit.store.AuditEventStore;

/**
 * The audit service's settings ({@code quipu.audit.*}, defaults in application.properties, docs/audit.md); checked
 * when the service starts, naming the property that is wrong.
 */
@ConfigurationProperties("quipu.audit")
public record AuditProperties(Path anchorDirectory, int verifyBatchSize) {

    public AuditProperties {
        if (anchorDirectory == null || anchorDirectory.toString().isBlank()) {
            throw new IllegalArgumentException("quipu.audit.anchor-directory must be set");
        }
        if (verifyBatchSize < 1 || verifyBatchSize > AuditEventStore.MAX_CHAIN_BATCH_SIZE) {
            throw new IllegalArgumentException("quipu.audit.verify-batch-size must be 1 to "
                    + AuditEventStore.MAX_CHAIN_BATCH_SIZE + ": " + verifyBatchSize);
        }
    }
}

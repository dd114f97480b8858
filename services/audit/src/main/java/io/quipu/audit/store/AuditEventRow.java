package io.quipu.audit.store;

import java.time.Instant;

/** A row of {@code audit_events} as stored. */
public record AuditEventRow(long sequence, String eventId, String topic, int partition, long offset, String type,
                            String source, String subject, String aggregateKey, Instant occurredAt, Instant recordedAt,
                            byte[] content, String contentSha256, String previousHash, String hash) {
}

package io.quipu.audit.store;

import java.time.Instant;

/** A consumed Kafka record to append to the chain; the store gives it its sequence and hashes. */
public record NewAuditEvent(String eventId, String topic, int partition, long offset, String type, String source,
                            String subject, String aggregateKey, Instant occurredAt, Instant recordedAt, byte[] content) {

    public NewAuditEvent {
        if (eventId == null || eventId.isBlank() || topic == null || type == null || type.isBlank()
                || recordedAt == null || content == null) {
            throw new IllegalArgumentException("an audit event needs an event id, topic, type, recording time and content");
        }
        if (partition < 0 || offset < 0) {
            throw new IllegalArgumentException("partition and offset are never negative: " + partition + "/" + offset);
        }
    }
}

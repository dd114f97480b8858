package io.quipu.audit.store;

import java.time.Instant;

/**
 * What to search for; every part is optional (null). {@code aggregateId} matches the record key or the CloudEvent
 * subject; {@code from} is inclusive and {@code to} exclusive, on the event's own time.
 */
public record AuditEventFilter(String aggregateId, String type, Instant from, Instant to) {
}

package io.quipu.audit.application;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * An audit event as the API shows it. {@code content} is the CloudEvent JSON as received; for a record that was not
 * JSON (type {@code unparseable}) it is null and {@code contentBase64} carries the bytes.
 */
public record AuditEventView(long sequence, String eventId, String type, String topic, int partition, long offset,
                             String source, String subject, String aggregateKey, Instant occurredAt, Instant recordedAt,
                             String contentSha256, String previousHash, String hash, JsonNode content, String contentBase64) {
}

package io.quipu.audit.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An anchor: the chain head (last sequence and hash, and how many events) recorded at a moment. */
public record AnchorView(UUID id, LocalDate anchoredOn, long lastSequence, String lastHash, long eventCount, Instant createdAt) {
}

package io.quipu.audit.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The chain head at a moment: everything up to {@code lastSequence} is fixed by {@code lastHash}. */
public record Anchor(UUID id, LocalDate anchoredOn, long lastSequence, String lastHash, long eventCount, Instant createdAt) {
}

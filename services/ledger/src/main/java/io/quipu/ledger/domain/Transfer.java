package io.quipu.ledger.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A transfer the ledger applied: immutable, appended once. {@code timestamp} is the ledger's (microseconds since the
 * epoch, strictly increasing); the balances after it, of both accounts, make history and point-in-time balances
 * a lookup instead of a sum.
 */
public record Transfer(UUID id, UUID debitAccountId, UUID creditAccountId, long amount, String currency, String code,
                       int flags, UUID pendingId, Long timeoutSeconds, String metadata, long timestamp,
                       long debitPostedAfter, long debitAvailableAfter, long creditPostedAfter, long creditAvailableAfter) {

    public Transfer {
        if (amount <= 0) {
            throw new IllegalArgumentException("an applied transfer moves a positive amount");
        }
        if (debitAccountId.equals(creditAccountId)) {
            throw new IllegalArgumentException("an applied transfer has two different accounts");
        }
    }

    public String kind() {
        return TransferFlags.kind(flags);
    }

    public boolean has(int flag) {
        return TransferFlags.has(flags, flag);
    }

    /** When the ledger applied it: its timestamp as an instant. */
    public Instant appliedAt() {
        return Instant.EPOCH.plus(timestamp, ChronoUnit.MICROS);
    }

    /** When a pending transfer expires, in ledger microseconds; null when it has no timeout. */
    public Long expiresAtMicros() {
        return timeoutSeconds == null || timeoutSeconds == 0 ? null : timestamp + timeoutSeconds * 1_000_000L;
    }
}

package io.quipu.ledger.domain;

import java.util.UUID;

/**
 * A transfer as a client asked for it. {@code amount} may be null only for post/void of a pending transfer (meaning
 * "the pending amount"); {@code debitAccountId}/{@code creditAccountId} may be null there too (taken from the pending
 * transfer). {@code metadata} is JSON text.
 */
public record TransferCommand(UUID id, UUID debitAccountId, UUID creditAccountId, Long amount, String currency,
                              String code, int flags, UUID pendingId, Long timeoutSeconds, String metadata) {

    public boolean has(int flag) {
        return TransferFlags.has(flags, flag);
    }
}

package io.quipu.contracts.ledger;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.quipu.platform.money.Money;
import tools.jackson.databind.JsonNode;

/**
 * A transfer as the ledger recorded it. {@code timestamp} is the ledger's, in microseconds since the epoch, strictly
 * increasing over all transfers; {@code kind} is {@code posted}, {@code pending}, {@code posted_pending},
 * {@code voided} or {@code expired}.
 */
public record TransferResponse(
        UUID id,
        String kind,
        UUID debitAccountId,
        UUID creditAccountId,
        Money amount,
        String code,
        Set<TransferFlag> flags,
        UUID pendingId,
        Long timeoutSeconds,
        JsonNode metadata,
        long timestamp,
        Instant createdAt) {
}

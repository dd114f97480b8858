package io.quipu.contracts.ledger;

import java.time.Instant;
import java.util.UUID;

import io.quipu.platform.money.Money;

/**
 * Payload of the {@code transfers} topic: a transfer as seen by ONE of its two accounts ({@code accountId}, also the
 * Kafka key). CloudEvent type {@code io.quipu.ledger.transfer.<kind>}; the event id is derived from transfer id and
 * side, so a re-published event has the same id. {@code accountNumber} is the 14-digit number of {@code accountId}, so
 * that a message to the customer can name the account they know (masked to its last digits).
 */
public record TransferEvent(
        UUID transferId,
        String kind,
        UUID accountId,
        UUID customerId,
        String direction,
        UUID counterpartyAccountId,
        Money amount,
        String code,
        UUID pendingId,
        long timestamp,
        Instant createdAt,
        Money postedBalanceAfter,
        Money availableBalanceAfter,
        String accountNumber) {
}

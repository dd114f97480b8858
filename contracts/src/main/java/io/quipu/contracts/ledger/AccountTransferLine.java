package io.quipu.contracts.ledger;

import java.time.Instant;
import java.util.UUID;

import io.quipu.platform.money.Money;

/**
 * One line of an account's history: the transfer seen from this account ({@code direction} is {@code debit} or
 * {@code credit}), with the account's posted and available balances right after it.
 */
public record AccountTransferLine(
        UUID transferId,
        String kind,
        String direction,
        UUID counterpartyAccountId,
        Money amount,
        String code,
        long timestamp,
        Instant createdAt,
        Money postedBalanceAfter,
        Money availableBalanceAfter) {
}

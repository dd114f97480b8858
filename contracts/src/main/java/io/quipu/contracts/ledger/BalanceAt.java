package io.quipu.contracts.ledger;

import java.time.Instant;
import java.util.UUID;

import io.quipu.platform.money.Money;

/** An account's balances as they were at {@code at} (after every transfer with an earlier or equal timestamp). */
public record BalanceAt(UUID accountId, Instant at, Money posted, Money available) {
}

package io.quipu.contracts.ledger;

import java.time.Instant;
import java.util.UUID;

import io.quipu.platform.money.Money;

/** An account with its four balances; {@code available} = credits posted − debits posted − debits pending. */
public record AccountResponse(
        UUID id,
        String accountNumber,
        String cci,
        UUID customerId,
        AccountProduct product,
        String currency,
        boolean debitsMustNotExceedCredits,
        boolean creditsMustNotExceedDebits,
        String status,
        Money debitsPending,
        Money debitsPosted,
        Money creditsPending,
        Money creditsPosted,
        Money posted,
        Money available,
        Instant createdAt) {
}

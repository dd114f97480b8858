package io.quipu.contracts.customers;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quipu.contracts.ledger.AccountResponse;
import io.quipu.contracts.ledger.AccountTransferLine;

/**
 * The customer 360° view: the record, the accounts with balances, the latest movements over all accounts, the loans.
 * {@code generatedAt} is when the parts were fetched (the view is cached for a few minutes and dropped when a transfer
 * or a change of the customer is announced).
 */
public record CustomerProfile(
        CustomerResponse customer,
        ProfilePart<List<AccountResponse>> accounts,
        ProfilePart<List<Movement>> recentMovements,
        ProfilePart<List<Object>> loans,
        Instant generatedAt) {

    /** A movement of one of the customer's accounts. */
    public record Movement(UUID accountId, AccountTransferLine line) {
    }
}

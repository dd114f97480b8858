package io.quipu.contracts.ledger;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Up to {@link LedgerContracts#MAX_ACCOUNT_BATCH_SIZE} accounts, opened in order as if one by one with
 * {@code POST /accounts} (same rules, same id idempotency). An item that fails is a result, not an error of the batch.
 */
public record BatchOpenAccountsRequest(
        @NotNull @Size(min = 1, max = LedgerContracts.MAX_ACCOUNT_BATCH_SIZE) List<@NotNull OpenAccountRequest> accounts) {
}

package io.quipu.contracts.ledger;

import java.util.List;

/** One result per account of the batch, in the batch's order. */
public record BatchOpenAccountsResponse(List<AccountBatchResult> results) {
}

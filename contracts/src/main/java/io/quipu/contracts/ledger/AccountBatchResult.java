package io.quipu.contracts.ledger;

import java.util.List;
import java.util.UUID;

import io.quipu.platform.web.FieldProblem;

/**
 * The outcome of one item of {@code POST /accounts/batch}, at its {@code index}: {@code created}; {@code exists} (the id
 * was opened before with the same fields: a repeat); or the problem code the single {@code POST /accounts} would answer
 * ({@code validation_failed} with {@code errors}, {@code account_exists_with_different_fields}) with a {@code detail}.
 * {@code account} is present for created and exists.
 */
public record AccountBatchResult(int index, UUID id, String result, String detail, List<FieldProblem> errors,
                                 AccountResponse account) {

    public static final String CREATED = "created";
    public static final String EXISTS = "exists";

    public boolean succeeded() {
        return CREATED.equals(result) || EXISTS.equals(result);
    }
}

package io.quipu.contracts.customers;

import java.util.List;
import java.util.UUID;

import io.quipu.platform.web.FieldProblem;

/**
 * The outcome of one item of {@code POST /customers/batch}, at its {@code index}: {@code created}; {@code exists} (a
 * customer with this id and document was registered before: a repeat); or the problem code the single
 * {@code POST /customers} would answer ({@code validation_failed} with {@code errors}, {@code document_taken},
 * {@code email_taken}, {@code id_taken}) with a {@code detail}. {@code customer} is present for created and exists.
 */
public record CustomerBatchResult(int index, UUID id, String result, String detail, List<FieldProblem> errors,
                                  CustomerResponse customer) {

    public static final String CREATED = "created";
    public static final String EXISTS = "exists";

    public boolean succeeded() {
        return CREATED.equals(result) || EXISTS.equals(result);
    }
}

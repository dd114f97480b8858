package io.quipu.contracts.ledger;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Opens an account. {@code id} is chosen by the caller (a retry with the same id and fields returns the same account);
 * {@code customerId} is absent for the bank's own accounts. Balance-limit flags default from the product: deposit
 * accounts get {@code debitsMustNotExceedCredits}.
 */
public record OpenAccountRequest(
        @NotNull UUID id,
        UUID customerId,
        @NotNull AccountProduct product,
        @NotNull @Pattern(regexp = "PEN|USD|EUR", message = "must be PEN, USD or EUR") String currency,
        Boolean debitsMustNotExceedCredits,
        Boolean creditsMustNotExceedDebits) {
}

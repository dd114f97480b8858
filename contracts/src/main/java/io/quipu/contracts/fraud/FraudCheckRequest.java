package io.quipu.contracts.fraud;

import java.time.Instant;
import java.util.UUID;

import io.quipu.platform.money.Money;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A payment about to move money, as fraud needs to judge it. {@code payee} identifies the beneficiary the same way every
 * time ({@code QUIPU:<account number>}, {@code CCI:<20 digits>}, {@code IBAN:<iban>}), so "a new payee" can be told.
 * Asking twice for the same {@code paymentId} returns the first decision.
 */
public record FraudCheckRequest(
        @NotNull UUID paymentId,
        @NotNull UUID customerId,
        @NotNull UUID sourceAccountId,
        @NotNull @Size(min = 3, max = 64) String payee,
        @NotNull @Pattern(regexp = "internal|interbank|international") String paymentType,
        @NotNull Money amount,
        @NotNull @Pattern(regexp = "web|mobile|agent|atm|branch|api") String channel,
        @NotNull Instant requestedAt) {
}

package io.quipu.contracts.payments;

import io.quipu.platform.money.Money;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** How much {@code targetAmount} (what the beneficiary gets) costs in {@code sourceCurrency}. */
public record FxQuoteRequest(
        @NotNull @Pattern(regexp = "PEN|USD|EUR", message = "must be PEN, USD or EUR") String sourceCurrency,
        @NotNull Money targetAmount) {
}

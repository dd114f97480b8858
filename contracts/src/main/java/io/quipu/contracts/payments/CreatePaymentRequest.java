package io.quipu.contracts.payments;

import java.util.UUID;

import io.quipu.platform.money.Money;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A payment order, sent with an {@code Idempotency-Key}. The destination depends on {@code type}:
 * {@code internal} → {@code destinationAccountNumber} (a Quipu account, 14 digits); {@code interbank} →
 * {@code destinationCci} (20 digits, check digits verified) and {@code beneficiaryName}; {@code international} →
 * {@code beneficiaryIban}, {@code beneficiaryBic}, {@code beneficiaryName} and an unexpired {@code fxQuoteId}
 * ({@code amount} is then the amount in the source account's currency the quote gave).
 */
public record CreatePaymentRequest(
        @NotNull @Pattern(regexp = "internal|interbank|international", message = "must be internal, interbank or international") String type,
        @NotNull UUID sourceAccountId,
        @NotNull Money amount,
        @Size(max = 14) String destinationAccountNumber,
        @Size(max = 20) String destinationCci,
        @Size(max = 34) String beneficiaryIban,
        @Size(max = 11) String beneficiaryBic,
        @Size(max = 80) String beneficiaryName,
        UUID fxQuoteId,
        @Size(max = 140) String description,
        @Pattern(regexp = "web|mobile|agent|atm|branch|api", message = "must be web, mobile, agent, atm, branch or api") String channel) {
}

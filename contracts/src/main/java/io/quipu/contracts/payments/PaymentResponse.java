package io.quipu.contracts.payments;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quipu.platform.money.Money;

/**
 * A payment and where it stands. {@code state}: {@code created}, {@code awaiting_authorization} (step-up needed),
 * {@code under_review} (fraud case open), {@code authorized}, {@code held} (funds reserved), {@code sent} (accepted by
 * the clearing house), {@code completed}, {@code failed} ({@code failureReason}), {@code returned}. {@code history} is
 * every state change.
 */
public record PaymentResponse(
        UUID id,
        String type,
        String state,
        UUID sourceAccountId,
        Money amount,
        String payee,
        String beneficiaryName,
        String description,
        String channel,
        String fraudDecision,
        UUID fraudCaseId,
        String failureReason,
        String clearingReference,
        FxDetails fx,
        Instant createdAt,
        Instant updatedAt,
        List<StateChange> history) {

    public record StateChange(String from, String to, Instant at, String reason) {
    }

    /** International payments: the quote used and what the beneficiary receives. */
    public record FxDetails(UUID quoteId, String rate, Money targetAmount) {
    }
}

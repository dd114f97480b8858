package io.quipu.payments.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import io.quipu.platform.money.Money;

/**
 * A payment order. {@code payee} names the beneficiary the same way every time ({@code QUIPU:<account number>},
 * {@code CCI:<cci>}, {@code IBAN:<iban>}): fraud's "new payee" and the step-up binding use it. {@code targetAmount} and
 * {@code fxRate} are set for international payments.
 *
 * @param attempts       failed tries of the current automatic step (a provider down), for the backoff
 * @param nextAttemptAt  when the saga's resumer should work on this payment; null when nothing is due
 * @param version        the stored version this was read at: a save based on an older one is refused
 */
public record Payment(UUID id, UUID customerId, String userId, PaymentType type, PaymentState state, UUID sourceAccountId,
                      Money amount, String payee, UUID destinationAccountId, String beneficiaryName, String beneficiaryBic,
                      String description, String channel, String fraudDecision, UUID fraudCaseId, String failureReason,
                      String clearingReference, UUID fxQuoteId, String fxRate, Money targetAmount, int attempts,
                      Instant nextAttemptAt, long version, Instant createdAt, Instant updatedAt) {

    public Payment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(sourceAccountId, "sourceAccountId");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(payee, "payee");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("a payment's amount must be positive");
        }
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative");
        }
        if ((state == PaymentState.FAILED) != (failureReason != null)) {
            throw new IllegalArgumentException("a failure reason goes with the failed state and only with it");
        }
    }

    /** The payment in {@code next}; the state machine must allow the move. The retry bookkeeping starts over. */
    public Payment moveTo(PaymentState next, Instant at) {
        if (!state.canMoveTo(next)) {
            throw new IllegalPaymentTransition(state, next);
        }
        return new Payment(id, customerId, userId, type, next, sourceAccountId, amount, payee, destinationAccountId, beneficiaryName,
                beneficiaryBic, description, channel, fraudDecision, fraudCaseId, null, clearingReference, fxQuoteId, fxRate,
                targetAmount, 0, null, version, createdAt, at);
    }

    public Payment fail(String reason, Instant at) {
        Objects.requireNonNull(reason, "reason");
        if (!state.canMoveTo(PaymentState.FAILED)) {
            throw new IllegalPaymentTransition(state, PaymentState.FAILED);
        }
        return new Payment(id, customerId, userId, type, PaymentState.FAILED, sourceAccountId, amount, payee, destinationAccountId,
                beneficiaryName, beneficiaryBic, description, channel, fraudDecision, fraudCaseId, reason, clearingReference, fxQuoteId,
                fxRate, targetAmount, 0, null, version, createdAt, at);
    }

    public Payment withFraud(String decision, UUID caseId) {
        return new Payment(id, customerId, userId, type, state, sourceAccountId, amount, payee, destinationAccountId, beneficiaryName,
                beneficiaryBic, description, channel, decision, caseId, failureReason, clearingReference, fxQuoteId, fxRate,
                targetAmount, attempts, nextAttemptAt, version, createdAt, updatedAt);
    }

    public Payment withClearingReference(String reference) {
        return new Payment(id, customerId, userId, type, state, sourceAccountId, amount, payee, destinationAccountId, beneficiaryName,
                beneficiaryBic, description, channel, fraudDecision, fraudCaseId, failureReason, reference, fxQuoteId, fxRate,
                targetAmount, attempts, nextAttemptAt, version, createdAt, updatedAt);
    }

    /** Work is due at {@code at} (null: nothing due). */
    public Payment dueAt(Instant at) {
        return new Payment(id, customerId, userId, type, state, sourceAccountId, amount, payee, destinationAccountId, beneficiaryName,
                beneficiaryBic, description, channel, fraudDecision, fraudCaseId, failureReason, clearingReference, fxQuoteId, fxRate,
                targetAmount, attempts, at, version, createdAt, updatedAt);
    }

    /** The current step failed for a passing reason: one more attempt, next at {@code retryAt}. */
    public Payment retryAt(Instant retryAt) {
        return new Payment(id, customerId, userId, type, state, sourceAccountId, amount, payee, destinationAccountId, beneficiaryName,
                beneficiaryBic, description, channel, fraudDecision, fraudCaseId, failureReason, clearingReference, fxQuoteId, fxRate,
                targetAmount, attempts + 1, retryAt, version, createdAt, updatedAt);
    }
}

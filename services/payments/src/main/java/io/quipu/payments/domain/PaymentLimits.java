package io.quipu.payments.domain;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.quipu.platform.money.Money;

/**
 * Per customer, per currency: the most one payment may move, the most a day's payments may move together, and from
 * which amount a payment needs a step-up authorization (the customer confirms that very payment), and — when the fraud
 * service does not answer — below which amount a payment may still go.
 */
public record PaymentLimits(Map<String, Money> perTransaction, Map<String, Money> daily, Map<String, Money> stepUpFrom,
                            Map<String, Money> allowWithoutFraudBelow) {

    public PaymentLimits {
        perTransaction = Map.copyOf(perTransaction);
        daily = Map.copyOf(daily);
        stepUpFrom = Map.copyOf(stepUpFrom);
        allowWithoutFraudBelow = Map.copyOf(allowWithoutFraudBelow);
        for (Map.Entry<String, Money> limit : perTransaction.entrySet()) {
            Money dailyLimit = Objects.requireNonNull(daily.get(limit.getKey()), "daily limit for " + limit.getKey());
            if (limit.getValue().compareTo(dailyLimit) > 0) {
                throw new IllegalArgumentException("the per-transaction limit of " + limit.getKey() + " exceeds its daily limit");
            }
        }
    }

    /** Why this payment may not go, given what the customer already paid today in that currency; empty when it may. */
    public Optional<String> refusal(Money amount, Money paidToday) {
        Money perPayment = perTransaction.get(amount.currencyCode());
        Money perDay = daily.get(amount.currencyCode());
        if (perPayment == null || perDay == null) {
            return Optional.of("currency_not_supported");
        }
        if (amount.compareTo(perPayment) > 0) {
            return Optional.of("per_transaction_limit_exceeded");
        }
        if (paidToday.plus(amount).compareTo(perDay) > 0) {
            return Optional.of("daily_limit_exceeded");
        }
        return Optional.empty();
    }

    public boolean needsStepUp(Money amount) {
        Money threshold = stepUpFrom.get(amount.currencyCode());
        return threshold != null && amount.compareTo(threshold) >= 0;
    }

    public boolean mayGoWithoutFraud(Money amount) {
        Money threshold = allowWithoutFraudBelow.get(amount.currencyCode());
        return threshold != null && amount.compareTo(threshold) < 0;
    }
}

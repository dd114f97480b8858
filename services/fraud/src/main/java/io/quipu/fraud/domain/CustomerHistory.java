package io.quipu.fraud.domain;

import java.util.List;

import io.quipu.platform.money.Money;

/**
 * What the rules know of a customer before this payment, as the store read it for the settings' windows.
 *
 * @param usualAmounts             the latest payments in the payment's currency that went ahead (allowed, or approved
 *                                 after review), at most {@link RiskSettings#usualHistorySize()}
 * @param earlierPaymentsInWindow  payments asked about within the velocity window before this one (whatever their decision)
 * @param payeeKnown               whether a payment of this customer to this payee went ahead before
 * @param failedLoginsInWindow     failed logins, codes, passkeys and locks of the customer within the failed-login window
 */
public record CustomerHistory(List<Money> usualAmounts, int earlierPaymentsInWindow, boolean payeeKnown, int failedLoginsInWindow) {

    public CustomerHistory {
        usualAmounts = List.copyOf(usualAmounts);
        if (earlierPaymentsInWindow < 0 || failedLoginsInWindow < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
    }

    /** A customer the service has never seen. */
    public static CustomerHistory none() {
        return new CustomerHistory(List.of(), 0, false, 0);
    }
}

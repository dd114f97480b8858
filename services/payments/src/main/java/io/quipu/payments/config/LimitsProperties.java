package io.quipu.payments.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.quipu.payments.domain.PaymentLimits;
import io.quipu.platform.money.Money;

/**
 * {@code quipu.payments.limits.<kind>.<currency>=<decimal amount>}: per transaction, per day, the step-up threshold and
 * the amount below which a payment goes when fraud does not answer.
 */
@ConfigurationProperties("quipu.payments.limits")
public record LimitsProperties(Map<String, String> perTransaction, Map<String, String> daily, Map<String, String> stepUpFrom,
                               Map<String, String> allowWithoutFraudBelow) {

    public PaymentLimits toLimits() {
        return new PaymentLimits(money(perTransaction), money(daily), money(stepUpFrom), money(allowWithoutFraudBelow));
    }

    private static Map<String, Money> money(Map<String, String> amounts) {
        Map<String, Money> parsed = new LinkedHashMap<>();
        if (amounts != null) {
            amounts.forEach((currency, amount) -> parsed.put(currency, Money.parse(amount, currency)));
        }
        return parsed;
    }
}

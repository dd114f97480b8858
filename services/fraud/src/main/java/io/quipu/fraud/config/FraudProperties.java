package io.quipu.fraud.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.quipu.fraud.domain.RiskRule;
import io.quipu.fraud.domain.RiskSettings;
import io.quipu.platform.money.Money;

/**
 * The fraud rules' numbers ({@code quipu.fraud.*}, defaults in application.properties, docs/fraud.md). They are
 * checked when the service starts ({@link RiskSettings}): a wrong value stops it with the property's name.
 */
@ConfigurationProperties("quipu.fraud")
public record FraudProperties(Rules rules, Decision decision, FailedLogins failedLogins) {

    public FraudProperties {
        if (rules == null || decision == null || failedLogins == null) {
            throw new IllegalArgumentException("quipu.fraud.rules, quipu.fraud.decision and quipu.fraud.failed-logins must be set");
        }
        if (failedLogins.retention() == null || failedLogins.retention().compareTo(Duration.ofHours(1)) < 0
                || (rules.recentFailedLogins() != null && rules.recentFailedLogins().window() != null
                && failedLogins.retention().compareTo(rules.recentFailedLogins().window()) < 0)) {
            throw new IllegalArgumentException("quipu.fraud.failed-logins.retention must be at least 1 hour and at least "
                    + "quipu.fraud.rules.recent-failed-logins.window: " + failedLogins.retention());
        }
        if (failedLogins.cleanupBatchSize() < 1 || failedLogins.cleanupBatchSize() > 100_000) {
            throw new IllegalArgumentException("quipu.fraud.failed-logins.cleanup-batch-size must be 1 to 100,000: "
                    + failedLogins.cleanupBatchSize());
        }
    }

    public record Rules(AmountAboveUsual amountAboveUsual, Velocity velocity, NewPayeeHighAmount newPayeeHighAmount,
                        UnusualHour unusualHour, RecentFailedLogins recentFailedLogins) {
    }

    public record AmountAboveUsual(int weight, int multiplier, int historySize, int minimumHistory,
                                   Map<String, String> newCustomerThreshold) {
    }

    public record Velocity(int weight, int payments, Duration window) {
    }

    public record NewPayeeHighAmount(int weight, Map<String, String> threshold) {
    }

    public record UnusualHour(int weight, int fromHour, int toHour, ZoneId zone) {
    }

    public record RecentFailedLogins(int weight, int failures, Duration window) {
    }

    public record Decision(int reviewAt, int denyAt) {
    }

    public record FailedLogins(Duration retention, int cleanupBatchSize) {
    }

    /** The domain's settings; throws {@link IllegalArgumentException} naming the setting that is wrong. */
    public RiskSettings toSettings() {
        if (rules.amountAboveUsual() == null || rules.velocity() == null || rules.newPayeeHighAmount() == null
                || rules.unusualHour() == null || rules.recentFailedLogins() == null) {
            throw new IllegalArgumentException("quipu.fraud.rules needs amount-above-usual, velocity, new-payee-high-amount, "
                    + "unusual-hour and recent-failed-logins");
        }
        Map<RiskRule, Integer> weights = new EnumMap<>(RiskRule.class);
        weights.put(RiskRule.AMOUNT_ABOVE_USUAL, rules.amountAboveUsual().weight());
        weights.put(RiskRule.VELOCITY, rules.velocity().weight());
        weights.put(RiskRule.NEW_PAYEE_HIGH_AMOUNT, rules.newPayeeHighAmount().weight());
        weights.put(RiskRule.UNUSUAL_HOUR, rules.unusualHour().weight());
        weights.put(RiskRule.RECENT_FAILED_LOGINS, rules.recentFailedLogins().weight());
        return new RiskSettings(weights,
                rules.amountAboveUsual().multiplier(), rules.amountAboveUsual().historySize(), rules.amountAboveUsual().minimumHistory(),
                thresholds("quipu.fraud.rules.amount-above-usual.new-customer-threshold", rules.amountAboveUsual().newCustomerThreshold()),
                rules.velocity().payments(), rules.velocity().window(),
                thresholds("quipu.fraud.rules.new-payee-high-amount.threshold", rules.newPayeeHighAmount().threshold()),
                rules.unusualHour().fromHour(), rules.unusualHour().toHour(), rules.unusualHour().zone(),
                rules.recentFailedLogins().failures(), rules.recentFailedLogins().window(),
                decision.reviewAt(), decision.denyAt());
    }

    private static Map<Currency, Money> thresholds(String name, Map<String, String> configured) {
        if (configured == null || configured.isEmpty()) {
            throw new IllegalArgumentException(name + " needs at least one currency, e.g. " + name + ".PEN=5000.00");
        }
        Money[] amounts = configured.entrySet().stream().map(entry -> {
            try {
                return Money.parse(entry.getValue().strip(), entry.getKey().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException wrong) {
                throw new IllegalArgumentException(name + "." + entry.getKey() + ": " + wrong.getMessage(), wrong);
            }
        }).toArray(Money[]::new);
        return RiskSettings.thresholds(amounts);
    }
}

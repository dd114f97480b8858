package io.quipu.fraud.domain;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.quipu.platform.money.Money;

/**
 * The numbers the rules use, all from configuration; checked here so that a wrong setting stops the service at start
 * with a message naming it.
 *
 * @param weights               points each rule adds when it fires (0–100); the score is their sum, capped at 100
 * @param usualMultiplier       {@code amount_above_usual}: the amount is above usual beyond this many times the median
 * @param usualHistorySize      how many of the customer's latest payments in the currency make "usual"
 * @param usualMinimumHistory   fewer past payments than this: compare with {@code newCustomerThresholds} instead
 * @param newCustomerThresholds per currency: above this a customer without history pays "above usual"; the currencies
 *                              here are the ones the service judges
 * @param velocityPayments      {@code velocity}: this many payments (this one included) within {@code velocityWindow}
 * @param velocityWindow        see above
 * @param newPayeeThresholds    {@code new_payee_high_amount}: per currency, from this amount on a new payee is a risk
 * @param unusualFromHour       {@code unusual_hour}: from this hour (0–23) of {@code zone}, inclusive
 * @param unusualToHour         to this hour (1–24), exclusive; a range past midnight (22 to 5) works
 * @param zone                  the bank's time zone
 * @param failedLogins          {@code recent_failed_logins}: this many failures of the customer within {@code failedLoginWindow}
 * @param failedLoginWindow     see above
 * @param reviewAt              a score from here on holds the payment for review
 * @param denyAt                a score from here on denies it
 */
public record RiskSettings(
        Map<RiskRule, Integer> weights,
        int usualMultiplier,
        int usualHistorySize,
        int usualMinimumHistory,
        Map<Currency, Money> newCustomerThresholds,
        int velocityPayments,
        Duration velocityWindow,
        Map<Currency, Money> newPayeeThresholds,
        int unusualFromHour,
        int unusualToHour,
        ZoneId zone,
        int failedLogins,
        Duration failedLoginWindow,
        int reviewAt,
        int denyAt) {

    public static final int MAX_SCORE = 100;
    private static final Duration MAX_WINDOW = Duration.ofDays(1);

    public RiskSettings {
        if (weights == null || !weights.keySet().containsAll(Set.of(RiskRule.values()))) {
            throw new IllegalArgumentException("every rule needs a weight: " + Set.of(RiskRule.values()));
        }
        weights.forEach((rule, weight) -> require(weight != null && weight >= 0 && weight <= MAX_SCORE,
                "the weight of " + rule.code() + " must be 0 to 100: " + weight));
        require(usualMultiplier >= 1 && usualMultiplier <= 100, "amount-above-usual.multiplier must be 1 to 100: " + usualMultiplier);
        require(usualHistorySize >= 1 && usualHistorySize <= 1000,
                "amount-above-usual.history-size must be 1 to 1000: " + usualHistorySize);
        require(usualMinimumHistory >= 1 && usualMinimumHistory <= usualHistorySize,
                "amount-above-usual.minimum-history must be 1 to history-size: " + usualMinimumHistory);
        requireThresholds("amount-above-usual.new-customer-threshold", newCustomerThresholds);
        requireThresholds("new-payee-high-amount.threshold", newPayeeThresholds);
        require(newCustomerThresholds.keySet().equals(newPayeeThresholds.keySet()),
                "new-customer and new-payee thresholds must name the same currencies");
        require(velocityPayments >= 2 && velocityPayments <= 1000, "velocity.payments must be 2 to 1000: " + velocityPayments);
        requireWindow("velocity.window", velocityWindow);
        require(unusualFromHour >= 0 && unusualFromHour <= 23, "unusual-hour.from-hour must be 0 to 23: " + unusualFromHour);
        require(unusualToHour >= 1 && unusualToHour <= 24, "unusual-hour.to-hour must be 1 to 24: " + unusualToHour);
        require(unusualFromHour != unusualToHour % 24, "unusual-hour.from-hour and to-hour must differ");
        require(zone != null, "unusual-hour.zone must be set");
        require(failedLogins >= 1 && failedLogins <= 100, "recent-failed-logins.failures must be 1 to 100: " + failedLogins);
        requireWindow("recent-failed-logins.window", failedLoginWindow);
        require(reviewAt >= 1 && reviewAt < denyAt && denyAt <= MAX_SCORE,
                "decision thresholds must be 1 <= review-at < deny-at <= 100: " + reviewAt + ", " + denyAt);
        weights = Map.copyOf(new EnumMap<>(weights));
        newCustomerThresholds = Map.copyOf(newCustomerThresholds);
        newPayeeThresholds = Map.copyOf(newPayeeThresholds);
    }

    /** The settings of docs/fraud.md: weights 40/25/30/15/35, review from 30, deny from 70, PEN and USD. */
    public static RiskSettings defaults() {
        Map<RiskRule, Integer> weights = new EnumMap<>(RiskRule.class);
        weights.put(RiskRule.AMOUNT_ABOVE_USUAL, 40);
        weights.put(RiskRule.VELOCITY, 25);
        weights.put(RiskRule.NEW_PAYEE_HIGH_AMOUNT, 30);
        weights.put(RiskRule.UNUSUAL_HOUR, 15);
        weights.put(RiskRule.RECENT_FAILED_LOGINS, 35);
        return new RiskSettings(weights, 3, 20, 3,
                thresholds(Money.parse("5000.00", "PEN"), Money.parse("1500.00", "USD")),
                5, Duration.ofMinutes(10),
                thresholds(Money.parse("2000.00", "PEN"), Money.parse("500.00", "USD")),
                0, 5, ZoneId.of("America/Lima"), 3, Duration.ofMinutes(30), 30, 70);
    }

    public static Map<Currency, Money> thresholds(Money... amounts) {
        Map<Currency, Money> byCurrency = new TreeMap<>((left, right) -> left.getCurrencyCode().compareTo(right.getCurrencyCode()));
        for (Money amount : amounts) {
            byCurrency.put(amount.currency(), amount);
        }
        return byCurrency;
    }

    public int weight(RiskRule rule) {
        return weights.get(rule);
    }

    /** Whether payments in this currency can be judged (thresholds are configured for it). */
    public boolean judges(Currency currency) {
        return newCustomerThresholds.containsKey(currency);
    }

    public Set<Currency> currencies() {
        return newCustomerThresholds.keySet();
    }

    private static void requireThresholds(String name, Map<Currency, Money> thresholds) {
        require(thresholds != null && !thresholds.isEmpty(), name + " needs at least one currency");
        thresholds.forEach((currency, amount) -> {
            require(amount != null && amount.currency().equals(currency), name + "." + currency + " must be an amount in " + currency);
            require(amount.isPositive(), name + "." + currency + " must be positive: " + amount);
        });
    }

    private static void requireWindow(String name, Duration window) {
        require(window != null && !window.isNegative() && window.compareTo(Duration.ofMinutes(1)) >= 0
                && window.compareTo(MAX_WINDOW) <= 0, name + " must be 1 minute to 1 day: " + window);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}

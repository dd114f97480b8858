package io.quipu.fraud.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.quipu.platform.money.Money;

/**
 * Judges a payment: each rule that fires adds its weight; the sum, capped at 100, is the score; the score decides
 * (below {@code reviewAt} allow, from {@code reviewAt} review, from {@code denyAt} deny). Plain arithmetic on minor
 * units: no floating point touches an amount.
 */
public final class RiskEngine {

    private final RiskSettings settings;

    public RiskEngine(RiskSettings settings) {
        this.settings = settings;
    }

    public RiskSettings settings() {
        return settings;
    }

    /**
     * @param amount  the payment's amount (positive, in a currency the settings judge)
     * @param at      when it is judged (the unusual-hour rule reads it in the bank's zone)
     * @param history the customer's history before this payment
     */
    public RiskAssessment assess(Money amount, Instant at, CustomerHistory history) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
        if (!settings.judges(amount.currency())) {
            throw new IllegalArgumentException("no thresholds for " + amount.currencyCode());
        }
        List<RiskRule> fired = new ArrayList<>();
        if (aboveUsual(amount, history)) {
            fired.add(RiskRule.AMOUNT_ABOVE_USUAL);
        }
        if (history.earlierPaymentsInWindow() + 1 >= settings.velocityPayments()) {
            fired.add(RiskRule.VELOCITY);
        }
        if (!history.payeeKnown() && amount.compareTo(settings.newPayeeThresholds().get(amount.currency())) >= 0) {
            fired.add(RiskRule.NEW_PAYEE_HIGH_AMOUNT);
        }
        if (unusualHour(at)) {
            fired.add(RiskRule.UNUSUAL_HOUR);
        }
        if (history.failedLoginsInWindow() >= settings.failedLogins()) {
            fired.add(RiskRule.RECENT_FAILED_LOGINS);
        }
        int score = Math.min(RiskSettings.MAX_SCORE, fired.stream().mapToInt(settings::weight).sum());
        return new RiskAssessment(fired, score, verdict(score));
    }

    /** The verdict of a score: deny from {@code denyAt}, review from {@code reviewAt}, else allow. */
    public Verdict verdict(int score) {
        if (score >= settings.denyAt()) {
            return Verdict.DENY;
        }
        return score >= settings.reviewAt() ? Verdict.REVIEW : Verdict.ALLOW;
    }

    boolean aboveUsual(Money amount, CustomerHistory history) {
        List<Money> usual = history.usualAmounts().stream()
                .filter(past -> past.currency().equals(amount.currency()))
                .limit(settings.usualHistorySize())
                .toList();
        if (usual.size() < settings.usualMinimumHistory()) {
            return amount.compareTo(settings.newCustomerThresholds().get(amount.currency())) > 0;
        }
        return Amounts.exceedsMultiple(amount, Amounts.median(usual), settings.usualMultiplier());
    }

    boolean unusualHour(Instant at) {
        int hour = at.atZone(settings.zone()).getHour();
        int from = settings.unusualFromHour();
        int to = settings.unusualToHour();
        return from < to ? hour >= from && hour < to : hour >= from || hour < to;
    }
}

package io.quipu.payments.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

import io.quipu.platform.money.Money;

/**
 * What a customer pays in their currency for an amount abroad: the market mid rate plus the bank's spread, rounded up
 * to the source currency's minor unit (the bank never gives away a fraction of a cent). Decimal arithmetic only.
 */
public final class FxPricing {

    public static final int MAX_SPREAD_BASIS_POINTS = 1_000;

    private FxPricing() {
    }

    /** The customer's rate: source currency per unit of target currency. */
    public static BigDecimal customerRate(BigDecimal midSourcePerTarget, int spreadBasisPoints) {
        if (midSourcePerTarget.signum() <= 0) {
            throw new IllegalArgumentException("the mid rate must be positive");
        }
        if (spreadBasisPoints < 0 || spreadBasisPoints > MAX_SPREAD_BASIS_POINTS) {
            throw new IllegalArgumentException("spread must be 0 to " + MAX_SPREAD_BASIS_POINTS + " basis points");
        }
        BigDecimal factor = BigDecimal.ONE.add(BigDecimal.valueOf(spreadBasisPoints).movePointLeft(4));
        return midSourcePerTarget.multiply(factor).setScale(6, RoundingMode.HALF_EVEN);
    }

    public static Money sourceAmount(Money targetAmount, BigDecimal customerRate, String sourceCurrency) {
        if (!targetAmount.isPositive()) {
            throw new IllegalArgumentException("the target amount must be positive");
        }
        BigDecimal target = BigDecimal.valueOf(targetAmount.amountMinor()).movePointLeft(targetAmount.currency().getDefaultFractionDigits());
        int sourceDigits = Money.currency(sourceCurrency).getDefaultFractionDigits();
        BigDecimal source = target.multiply(customerRate).setScale(sourceDigits, RoundingMode.CEILING);
        return Money.ofMinor(source.movePointRight(sourceDigits).longValueExact(), sourceCurrency);
    }
}

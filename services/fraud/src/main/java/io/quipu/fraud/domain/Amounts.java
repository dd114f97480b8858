package io.quipu.fraud.domain;

import java.util.Arrays;
import java.util.List;

import io.quipu.platform.money.Money;

/** Arithmetic on amounts in minor units, never floating point. */
public final class Amounts {

    private Amounts() {
    }

    /**
     * The median of amounts of one currency, in minor units; with an even count, the mean of the two middle ones rounded
     * down (a céntimo at most: the rules compare against a multiple of it).
     *
     * @throws IllegalArgumentException when there are no amounts
     * @throws Money.CurrencyMismatchException when the amounts are not all in one currency
     */
    public static Money median(List<Money> amounts) {
        if (amounts.isEmpty()) {
            throw new IllegalArgumentException("the median of no amounts");
        }
        Money first = amounts.get(0);
        long[] minor = new long[amounts.size()];
        for (int i = 0; i < minor.length; i++) {
            first.requireSameCurrency(amounts.get(i));
            minor[i] = amounts.get(i).amountMinor();
        }
        Arrays.sort(minor);
        int middle = minor.length / 2;
        long median = minor.length % 2 == 1 ? minor[middle]
                : Math.floorDiv(minor[middle - 1], 2) + Math.floorDiv(minor[middle], 2)
                        + ((minor[middle - 1] & 1) + (minor[middle] & 1)) / 2;
        return new Money(median, first.currency());
    }

    /** {@code amount > multiplier × reference}, without overflow. */
    public static boolean exceedsMultiple(Money amount, Money reference, int multiplier) {
        amount.requireSameCurrency(reference);
        if (multiplier < 1) {
            throw new IllegalArgumentException("multiplier must be positive");
        }
        long limit;
        try {
            limit = Math.multiplyExact(reference.amountMinor(), (long) multiplier);
        } catch (ArithmeticException overflow) {
            return false; // the reference times the multiplier is beyond any amount there can be
        }
        return amount.amountMinor() > limit;
    }
}

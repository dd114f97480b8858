package io.quipu.sandbox.domain.fx;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.quipu.sandbox.domain.Violation;

/**
 * Mid-market rates among PEN, USD and EUR, in {@link BigDecimal} only. Three pairs drift from realistic mid rates
 * (USD/PEN 3.7452, EUR/USD 1.0830, EUR/PEN 4.056052) by at most ±0.5% with a triangle wave of period one hour, each
 * pair at its own phase: the rate is the same for a whole minute and anyone computes the same rate for the same minute.
 * The other directions are the inverse, 1/rate rounded HALF_EVEN to 6 decimals. A rate fixed through the control
 * panel wins (its inverse too) until the fixed rates are cleared. Thread-safe.
 */
public final class FxRates {

    public static final List<String> CURRENCIES = List.of("PEN", "USD", "EUR");
    public static final int SCALE = 6;
    /** The largest drift from the mid rate: 0.5%. */
    public static final BigDecimal MAX_DRIFT = new BigDecimal("0.005");

    private static final int PERIOD_MINUTES = 60;
    private static final int QUARTER = PERIOD_MINUTES / 4;
    private static final Pattern RATE = Pattern.compile("\\d{1,9}(\\.\\d{1,6})?");

    /** The pairs that drift, base/quote, with their mid rate and phase in minutes. */
    private static final Map<String, Drifting> DRIFTING = Map.of(
            "USD/PEN", new Drifting(new BigDecimal("3.745200"), 0),
            "EUR/USD", new Drifting(new BigDecimal("1.083000"), 20),
            "EUR/PEN", new Drifting(new BigDecimal("4.056052"), 40));

    private record Drifting(BigDecimal mid, int phaseMinutes) {
    }

    private final Map<String, BigDecimal> fixed = new HashMap<>();

    /** The base/quote rate at {@code now}; the pair must pass {@link #checkPair}. */
    public synchronized FxQuote quote(String base, String quote, Instant now) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        return new FxQuote(base, quote, rate(base, quote, minute), minute);
    }

    /** Fixes the base/quote rate (and so its inverse) until {@link #clearFixed()}. */
    public synchronized void fix(String base, String quote, BigDecimal rate) {
        fixed.remove(key(quote, base));
        fixed.put(key(base, quote), rate.setScale(SCALE, RoundingMode.HALF_EVEN));
    }

    public synchronized void clearFixed() {
        fixed.clear();
    }

    private BigDecimal rate(String base, String quote, Instant minute) {
        BigDecimal direct = fixed.get(key(base, quote));
        if (direct != null) {
            return direct;
        }
        BigDecimal inverse = fixed.get(key(quote, base));
        if (inverse != null) {
            return inverseOf(inverse);
        }
        Drifting drifting = DRIFTING.get(key(base, quote));
        if (drifting != null) {
            return drifted(drifting, minute);
        }
        return inverseOf(drifted(DRIFTING.get(key(quote, base)), minute));
    }

    /** The mid rate moved by MAX_DRIFT × a triangle wave in [-1, 1] of the minute of the hour. */
    static BigDecimal drifted(Drifting drifting, Instant minute) {
        long epochMinute = Math.floorDiv(minute.getEpochSecond(), 60);
        int phase = (int) Math.floorMod(epochMinute + drifting.phaseMinutes(), PERIOD_MINUTES);
        int wave = phase < 2 * QUARTER ? phase - QUARTER : 3 * QUARTER - phase; // -15 … 15
        BigDecimal factor = BigDecimal.ONE.add(MAX_DRIFT.multiply(BigDecimal.valueOf(wave))
                .divide(BigDecimal.valueOf(QUARTER), 12, RoundingMode.HALF_EVEN));
        return drifting.mid().multiply(factor).setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    /** The mid rate of a drifting pair (base/quote as listed), for tests of the bounds. */
    public static Optional<BigDecimal> midRate(String base, String quote) {
        return Optional.ofNullable(DRIFTING.get(key(base, quote))).map(Drifting::mid);
    }

    public static BigDecimal inverseOf(BigDecimal rate) {
        return BigDecimal.ONE.divide(rate, SCALE, RoundingMode.HALF_EVEN);
    }

    public static List<Violation> checkPair(String base, String quote) {
        List<Violation> violations = new ArrayList<>();
        checkCurrency(violations, "base", base);
        checkCurrency(violations, "quote", quote);
        if (violations.isEmpty() && base.equals(quote)) {
            violations.add(new Violation("quote", "same_as_base", "must differ from base"));
        }
        return violations;
    }

    /** A fixed rate: a positive decimal string, at most 9 integer digits and 6 decimals ("3.800000"). */
    public static List<Violation> checkRate(String rate) {
        if (rate == null) {
            return List.of(new Violation("rate", "required", "is required"));
        }
        if (!RATE.matcher(rate).matches() || new BigDecimal(rate).signum() <= 0) {
            return List.of(new Violation("rate", "invalid_rate",
                    "must be a positive decimal string with at most 6 decimals, such as \"3.745200\""));
        }
        return List.of();
    }

    private static void checkCurrency(List<Violation> violations, String field, String currency) {
        if (currency == null || currency.isBlank()) {
            violations.add(new Violation(field, "required", "is required"));
        } else if (!CURRENCIES.contains(currency)) {
            violations.add(new Violation(field, "unsupported_currency", "must be one of: " + String.join(", ", CURRENCIES)));
        }
    }

    private static String key(String base, String quote) {
        return base + "/" + quote;
    }
}

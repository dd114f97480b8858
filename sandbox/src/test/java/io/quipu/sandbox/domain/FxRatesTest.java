package io.quipu.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quipu.sandbox.domain.fx.FxQuote;
import io.quipu.sandbox.domain.fx.FxRates;

class FxRatesTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private final FxRates rates = new FxRates();

    @Test
    void theSameMinuteGivesTheSameRateAndTheRateMoves() {
        FxQuote atStart = rates.quote("USD", "PEN", T0.plusSeconds(1));
        assertThat(rates.quote("USD", "PEN", T0.plusSeconds(59)).rate()).isEqualTo(atStart.rate());
        assertThat(new FxRates().quote("USD", "PEN", T0.plusSeconds(30))).as("anyone computes it").isEqualTo(atStart);
        assertThat(atStart.asOf()).isEqualTo(T0);
        Set<BigDecimal> seen = new HashSet<>();
        for (int minute = 0; minute < 60; minute++) {
            seen.add(rates.quote("USD", "PEN", T0.plus(Duration.ofMinutes(minute))).rate());
        }
        assertThat(seen).hasSizeGreaterThan(20);
    }

    @Test
    void staysWithinHalfAPercentOfTheMidRateWithSixDecimals() {
        for (List<String> pair : List.of(List.of("USD", "PEN"), List.of("EUR", "USD"), List.of("EUR", "PEN"))) {
            BigDecimal mid = FxRates.midRate(pair.get(0), pair.get(1)).orElseThrow();
            BigDecimal low = mid.multiply(new BigDecimal("0.995")).setScale(6, RoundingMode.HALF_EVEN);
            BigDecimal high = mid.multiply(new BigDecimal("1.005")).setScale(6, RoundingMode.HALF_EVEN);
            Set<BigDecimal> extremes = new HashSet<>();
            for (int minute = 0; minute < 180; minute++) {
                BigDecimal rate = rates.quote(pair.get(0), pair.get(1), T0.plus(Duration.ofMinutes(minute))).rate();
                assertThat(rate.scale()).isEqualTo(6);
                assertThat(rate).isBetween(low, high);
                if (rate.compareTo(low) == 0 || rate.compareTo(high) == 0) {
                    extremes.add(rate);
                }
            }
            assertThat(extremes).as("the wave reaches both bounds").hasSize(2);
        }
        assertThat(FxRates.midRate("USD", "PEN")).contains(new BigDecimal("3.745200"));
    }

    @Test
    void theInverseIsOneOverTheRateRoundedHalfEven() {
        BigDecimal usdPen = rates.quote("USD", "PEN", T0).rate();
        assertThat(rates.quote("PEN", "USD", T0).rate()).isEqualTo(BigDecimal.ONE.divide(usdPen, 6, RoundingMode.HALF_EVEN));
        assertThat(FxRates.inverseOf(new BigDecimal("3.800000"))).isEqualTo(new BigDecimal("0.263158"));
    }

    @Test
    void aFixedRateAndItsInverseWinUntilCleared() {
        rates.fix("PEN", "USD", new BigDecimal("0.25"));
        assertThat(rates.quote("PEN", "USD", T0).rate()).isEqualTo(new BigDecimal("0.250000"));
        assertThat(rates.quote("USD", "PEN", T0).rate()).isEqualTo(new BigDecimal("4.000000"));
        rates.fix("USD", "PEN", new BigDecimal("3.5"));
        assertThat(rates.quote("PEN", "USD", T0).rate()).as("the newer fix replaces the other direction").isEqualTo(new BigDecimal("0.285714"));
        rates.clearFixed();
        assertThat(rates.quote("USD", "PEN", T0).rate()).isEqualTo(new FxRates().quote("USD", "PEN", T0).rate());
    }

    @Test
    void checksPairsAndRates() {
        assertThat(FxRates.checkPair("USD", "PEN")).isEmpty();
        assertThat(FxRates.checkPair("USD", "USD")).extracting(Violation::code).containsExactly("same_as_base");
        assertThat(FxRates.checkPair("GBP", null)).extracting(Violation::code).containsExactly("unsupported_currency", "required");
        assertThat(FxRates.checkRate("3.745200")).isEmpty();
        assertThat(FxRates.checkRate("1e3")).extracting(Violation::code).containsExactly("invalid_rate");
        assertThat(FxRates.checkRate("0.000000")).extracting(Violation::code).containsExactly("invalid_rate");
    }
}

package io.quipu.fraud.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.quipu.platform.money.Money;

class AmountsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5                 | 5",
            "3 1 2             | 2",
            "1 2 3 4           | 2",
            "1 4               | 2",
            "3 5               | 4",
            "100 100 9000      | 100",
            "9223372036854775807 9223372036854775807 | 9223372036854775807",
            "9223372036854775806 9223372036854775807 | 9223372036854775806"})
    void medianInMinorUnits(String minorUnits, long median) {
        List<Money> amounts = Arrays.stream(minorUnits.trim().split("\\s+")).map(value -> Money.ofMinor(Long.parseLong(value), "PEN")).toList();
        assertThat(Amounts.median(amounts)).isEqualTo(Money.ofMinor(median, "PEN"));
    }

    @Test
    void medianRefusesNothingAndMixedCurrencies() {
        assertThatThrownBy(() -> Amounts.median(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Amounts.median(List.of(Money.ofMinor(1, "PEN"), Money.ofMinor(1, "USD"))))
                .isInstanceOf(Money.CurrencyMismatchException.class);
    }

    @ParameterizedTest
    @CsvSource({"300, 100, 3, false", "301, 100, 3, true", "9223372036854775807, 4611686018427387904, 3, false", "2, 1, 1, true"})
    void exceedsMultiple(long amount, long reference, int multiplier, boolean exceeds) {
        assertThat(Amounts.exceedsMultiple(Money.ofMinor(amount, "PEN"), Money.ofMinor(reference, "PEN"), multiplier)).isEqualTo(exceeds);
    }
}

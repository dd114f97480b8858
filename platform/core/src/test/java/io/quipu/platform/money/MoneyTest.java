package io.quipu.platform.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

class MoneyTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @ParameterizedTest
    @CsvSource({
            "1250.00, PEN, 125000",
            "1250, PEN, 125000",
            "0.01, USD, 1",
            "-3.5, EUR, -350",
            "100, JPY, 100",
            "1.234, KWD, 1234"})
    void parsesDecimalStringsIntoMinorUnits(String decimal, String currency, long expectedMinor) {
        assertThat(Money.parse(decimal, currency).amountMinor()).isEqualTo(expectedMinor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.005", "1e3", "1,000.00", " 1.00", "", "abc", "99999999999999999999", "0.1.2"})
    void refusesAnythingButAPlainDecimalWithinTheCurrencyDigits(String decimal) {
        assertThatThrownBy(() -> Money.parse(decimal, "PEN")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesUnknownOrMalformedCurrencies() {
        assertThatThrownBy(() -> Money.parse("1.00", "XYZ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parse("1.00", "pen")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.parse("1.00", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arithmeticRefusesMixedCurrenciesAndOverflow() {
        Money soles = Money.ofMinor(100, "PEN");
        assertThatThrownBy(() -> soles.plus(Money.ofMinor(1, "USD"))).isInstanceOf(Money.CurrencyMismatchException.class);
        assertThatThrownBy(() -> Money.ofMinor(Long.MAX_VALUE, "PEN").plus(Money.ofMinor(1, "PEN")))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.ofMinor(Long.MIN_VALUE, "PEN").negate()).isInstanceOf(ArithmeticException.class);
        assertThat(soles.plus(Money.ofMinor(50, "PEN")).minus(Money.ofMinor(25, "PEN"))).isEqualTo(Money.ofMinor(125, "PEN"));
    }

    @Test
    void travelsAsDecimalStringAndCurrencyInJson() {
        String written = json.writeValueAsString(Money.ofMinor(125000, "PEN"));
        assertThat(written).isEqualTo("{\"amount\":\"1250.00\",\"currency\":\"PEN\"}");
        assertThat(json.readValue(written, Money.class)).isEqualTo(Money.ofMinor(125000, "PEN"));
    }

    @Test
    void jsonNumbersAndTooManyDecimalsAreRefused() {
        assertThatThrownBy(() -> json.readValue("{\"amount\":1250.00,\"currency\":\"PEN\"}", Money.class))
                .isInstanceOf(DatabindException.class);
        assertThatThrownBy(() -> json.readValue("{\"amount\":\"1.001\",\"currency\":\"PEN\"}", Money.class))
                .isInstanceOf(DatabindException.class);
        assertThatThrownBy(() -> json.readValue("\"12.00\"", Money.class)).isInstanceOf(DatabindException.class);
    }
}

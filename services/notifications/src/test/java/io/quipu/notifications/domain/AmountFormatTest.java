package io.quipu.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quipu.platform.money.Money;

class AmountFormatTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "125000 | PEN | S/ 1,250.00",
            "5      | PEN | S/ 0.05",
            "0      | USD | US$ 0.00",
            "100    | USD | US$ 1.00",
            "123456789 | EUR | € 1,234,567.89",
            "-250   | PEN | -S/ 2.50",
            "9223372036854775807  | PEN | S/ 92,233,720,368,547,758.07",
            "-9223372036854775808 | USD | -US$ 92,233,720,368,547,758.08"})
    void formatsMinorUnitsAsCustomersInPeruReadThem(long minor, String currency, String expected) {
        assertThat(AmountFormat.format(Money.ofMinor(minor, currency))).isEqualTo(expected);
    }
}

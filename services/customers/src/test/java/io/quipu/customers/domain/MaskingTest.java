package io.quipu.customers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

    @ParameterizedTest
    @CsvSource({
            "12345678,     ****5678",
            "001234567,    *****4567",
            "20131312955,  *******2955",
            "AB123456,     ****3456",
            "123456,       ***456",   // never more than half shown
            "1234,         **34",
            "1,            '*'",
            "'',           ''",
    })
    void documentNumbersShowTheirEnd(String number, String masked) {
        assertThat(Masking.documentNumber(number)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({
            "+51987654321,      +51*****4321",
            "'+51 987 654 321', +51*****4321",
            "+593987654321,     +593*****4321",
            "+34612345678,      ********5678", // the country is shown only when it is one the bank serves
            "+51,               +51",
            "12,                *2",
            "'',                ''",
    })
    void phonesShowCountryAndEnd(String phone, String masked) {
        assertThat(Masking.phone(phone)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource({
            "ana.quispe@example.com, a***@example.com",
            "a@example.com,          a***@example.com",
            "no-at-sign,             ***",
            "@example.com,           ***",
            "'',                     ***",
            "😀x@example.com,        😀***@example.com",
    })
    void emailsShowTheirFirstLetterAndDomain(String email, String masked) {
        assertThat(Masking.email(email)).isEqualTo(masked);
    }

    @Test
    void showsNothingOfABirthDateAndNeverThrows() {
        assertThat(Masking.birthDate(LocalDate.of(1990, 2, 28))).isEqualTo("****-**-**");
        assertThat(Masking.birthDate(null)).isEqualTo("****-**-**");
        assertThat(Masking.documentNumber(null)).isEmpty();
        assertThat(Masking.phone(null)).isEmpty();
        assertThat(Masking.email(null)).isEmpty();
    }
}

package io.quipu.customers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class DocumentNumbersTest {

    /** RUCs and cédulas in use, and edge cases of the check digit rules; every check digit worked out by hand. */
    @ParameterizedTest
    @CsvSource({
            "DNI,       12345678,     12345678",
            "DNI,       ' 4567 8901 ', 45678901",
            "DNI,       00000001,     00000001",
            "RUC,       20131312955,  20131312955",
            "RUC,       20100070970,  20100070970",
            "RUC,       20100047218,  20100047218",
            "RUC,       10467793549,  10467793549",
            "RUC,       15123456782,  15123456782",
            "RUC,       16123456789,  16123456789",
            "RUC,       17123456785,  17123456785",
            "RUC,       20100000050,  20100000050", // 11 − sum mod 11 = 10 → 0
            "RUC,       20100000131,  20100000131", // 11 − sum mod 11 = 11 → 1
            "RUC,       20-13131295-5, 20131312955",
            "CE,        001234567,    001234567",
            "CE,        000123456,    000123456",
            "PASSPORT,  ab123456,     AB123456",
            "PASSPORT,  'X 1234 567', X1234567",
            "PASSPORT,  123456,       123456",
            "PASSPORT,  ABCDEFGHIJ12, ABCDEFGHIJ12",
            "CEDULA_EC, 1710034065,   1710034065",
            "CEDULA_EC, 0926687856,   0926687856",
            "CEDULA_EC, 1713175071,   1713175071",
            "CEDULA_EC, 1104680135,   1104680135",
            "CEDULA_EC, 171003406-5,  1710034065",
            "CEDULA_EC, 3000000004,   3000000004", // registered abroad
            "CEDULA_EC, 2400000002,   2400000002",
    })
    void acceptsValidNumbers(DocumentType type, String raw, String normalised) {
        assertThat(DocumentNumbers.normalise(type, raw)).isEqualTo(normalised);
        assertThat(DocumentNumbers.check(type, raw)).isEmpty();
        assertThat(DocumentNumbers.isValid(type, raw)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "DNI,       '',            missing",
            "DNI,       '   ',         missing",
            "DNI,       1234567,       invalid_length",
            "DNI,       123456789,     invalid_length",
            "DNI,       1234567A,      not_numeric",
            "DNI,       ١٢٣٤٥٦٧٨,      not_numeric", // Arabic-Indic digits
            "DNI,       12.345.678,    not_numeric",
            "RUC,       2013131295,    invalid_length",
            "RUC,       2013131295X,   not_numeric",
            "RUC,       30131312955,   invalid_prefix",
            "RUC,       11131312955,   invalid_prefix",
            "RUC,       20131312956,   invalid_check_digit",
            "RUC,       20131312595,   invalid_check_digit", // two digits swapped
            "RUC,       20100000051,   invalid_check_digit",
            "CE,        12345678,      invalid_length",
            "CE,        12345678X,     not_numeric",
            "PASSPORT,  AB123,         invalid_length",
            "PASSPORT,  AB12345678901, invalid_length",
            "PASSPORT,  AB-123456,     invalid_characters",
            "PASSPORT,  ÑB123456,      invalid_characters",
            "CEDULA_EC, 171003406,     invalid_length",
            "CEDULA_EC, 17100340650,   invalid_length",
            "CEDULA_EC, 17100340X5,    not_numeric",
            "CEDULA_EC, 0010034064,    invalid_province",
            "CEDULA_EC, 2500000001,    invalid_province",
            "CEDULA_EC, 3100000003,    invalid_province",
            "CEDULA_EC, 1760034064,    invalid_third_digit",
            "CEDULA_EC, 1790034068,    invalid_third_digit",
            "CEDULA_EC, 1710034066,    invalid_check_digit",
            "CEDULA_EC, 1701034065,    invalid_check_digit",
    })
    void explainsWhatIsWrongWithInvalidNumbers(DocumentType type, String raw, String code) {
        assertThat(DocumentNumbers.check(type, raw)).get().satisfies(violation -> {
            assertThat(violation.code()).isEqualTo(code);
            assertThat(violation.message()).isNotBlank();
        });
        assertThat(DocumentNumbers.isValid(type, raw)).isFalse();
    }

    @Test
    void treatsNullAsMissing() {
        assertThat(DocumentNumbers.normalise(DocumentType.DNI, null)).isEmpty();
        assertThat(DocumentNumbers.check(DocumentType.DNI, null)).get().extracting(RuleViolation::code).isEqualTo("missing");
    }

    @ParameterizedTest
    @CsvSource({"DNI, PE", "RUC, PE", "CE, PE", "CEDULA_EC, EC"})
    void knowsTheIssuingCountry(DocumentType type, String countryCode) {
        assertThat(type.countryCode()).contains(countryCode);
    }

    @Test
    void passportsComeFromAnyCountry() {
        assertThat(DocumentType.PASSPORT.countryCode()).isEmpty();
    }

    @Test
    void rucCheckDigitMapsTenAndElevenToOneDigit() {
        assertThat(DocumentNumbers.rucCheckDigit("2010000005")).isZero();
        assertThat(DocumentNumbers.rucCheckDigit("2010000013")).isEqualTo(1);
        assertThat(DocumentNumbers.rucCheckDigit("2013131295")).isEqualTo(5);
    }

    @Property(tries = 500)
    void aCedulaValidatesWithItsCheckDigitAndWithNoOther(@ForAll("cedulaFirstNineDigits") String firstNine,
                                                         @ForAll @IntRange(min = 0, max = 9) int lastDigit) {
        int checkDigit = DocumentNumbers.cedulaCheckDigit(firstNine);
        assertThat(DocumentNumbers.check(DocumentType.CEDULA_EC, firstNine + checkDigit)).isEmpty();
        if (lastDigit != checkDigit) {
            assertThat(DocumentNumbers.check(DocumentType.CEDULA_EC, firstNine + lastDigit))
                    .get().extracting(RuleViolation::code).isEqualTo("invalid_check_digit");
        }
    }

    @Property(tries = 500)
    void aRucValidatesWithItsCheckDigitAndWithNoOther(@ForAll("rucFirstTenDigits") String firstTen,
                                                      @ForAll @IntRange(min = 0, max = 9) int lastDigit) {
        int checkDigit = DocumentNumbers.rucCheckDigit(firstTen);
        assertThat(DocumentNumbers.check(DocumentType.RUC, firstTen + checkDigit)).isEmpty();
        if (lastDigit != checkDigit) {
            assertThat(DocumentNumbers.check(DocumentType.RUC, firstTen + lastDigit))
                    .get().extracting(RuleViolation::code).isEqualTo("invalid_check_digit");
        }
    }

    @Provide
    Arbitrary<String> cedulaFirstNineDigits() {
        Arbitrary<String> province = Arbitraries.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
                20, 21, 22, 23, 24, 30).map(code -> String.format("%02d", code));
        Arbitrary<String> thirdDigit = Arbitraries.integers().between(0, 5).map(String::valueOf);
        return Combinators.combine(province, thirdDigit, digits(6)).as((first, second, rest) -> first + second + rest);
    }

    @Provide
    Arbitrary<String> rucFirstTenDigits() {
        return Combinators.combine(Arbitraries.of(DocumentNumbers.RUC_PREFIXES), digits(8)).as((prefix, rest) -> prefix + rest);
    }

    private static Arbitrary<String> digits(int count) {
        return Arbitraries.strings().withCharRange('0', '9').ofLength(count);
    }
}

package io.quipu.customers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdulthoodTest {

    @ParameterizedTest
    @CsvSource({
            "2008-06-15, 2026-06-15, 18, true",  // the 18th birthday itself
            "2008-06-15, 2026-06-14, 17, false", // the day before
            "2008-12-31, 2027-01-01, 18, true",
            "2008-02-29, 2026-02-28, 17, false", // born on 29 February: not yet on 28 February of a common year
            "2008-02-29, 2026-03-01, 18, true",
            "2008-02-29, 2028-02-29, 20, true",  // … and on the day itself in leap years
            "1990-01-01, 2026-11-25, 36, true",
    })
    void countsWholeYears(LocalDate birthDate, LocalDate today, int ageYears, boolean adult) {
        assertThat(Adulthood.ageYears(birthDate, today)).isEqualTo(ageYears);
        assertThat(Adulthood.isAdult(birthDate, today)).isEqualTo(adult);
    }

    @ParameterizedTest
    @CsvSource({
            "2026-11-26, 2026-11-25, birth_date_in_future",
            "2030-01-01, 2026-11-25, birth_date_in_future",
            "1906-11-24, 2026-11-25, birth_date_too_old",
            "2026-11-25, 2026-11-25, under_age",
            "2010-01-01, 2026-11-25, under_age",
            "2008-11-26, 2026-11-25, under_age",
    })
    void refusesImpossibleAndUnderAgeBirthDates(LocalDate birthDate, LocalDate today, String code) {
        assertThat(Adulthood.checkBirthDate(birthDate, today)).get().extracting(RuleViolation::code).isEqualTo(code);
    }

    @ParameterizedTest
    @CsvSource({"1906-11-25, 2026-11-25", "2008-11-25, 2026-11-25"})
    void acceptsTheBoundaries(LocalDate birthDate, LocalDate today) {
        assertThat(Adulthood.checkBirthDate(birthDate, today)).isEmpty();
    }

    @Test
    void treatsANullBirthDateAsMissing() {
        assertThat(Adulthood.checkBirthDate(null, LocalDate.of(2026, 11, 25)))
                .get().extracting(RuleViolation::code).isEqualTo("missing");
    }
}

package io.quipu.customers.domain;

import java.time.LocalDate;
import java.time.Period;
import java.util.Objects;
import java.util.Optional;

/**
 * Only adults may open an account on their own: 18 years or older on the day they apply.
 *
 * <p>Someone born on 29 February turns a year older on 1 March in common years ({@link Period} counts that way): of the
 * two customary readings it is the later one, so the bank never takes a minor for an adult.
 */
public final class Adulthood {

    public static final int ADULT_AGE_YEARS = 18;
    /** Older than anyone alive: a birth date further back is a typing mistake. */
    public static final int MAXIMUM_AGE_YEARS = 120;

    private Adulthood() {
    }

    /** Whole years between {@code birthDate} and {@code today}. */
    public static int ageYears(LocalDate birthDate, LocalDate today) {
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(today, "today");
        return Period.between(birthDate, today).getYears();
    }

    public static boolean isAdult(LocalDate birthDate, LocalDate today) {
        return checkBirthDate(birthDate, today).isEmpty();
    }

    /**
     * Why {@code birthDate} cannot be an applicant's ({@code missing}, {@code birth_date_in_future},
     * {@code birth_date_too_old}, {@code under_age}), or empty when the applicant is an adult.
     */
    public static Optional<RuleViolation> checkBirthDate(LocalDate birthDate, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (birthDate == null) {
            return Optional.of(new RuleViolation("missing", "the birth date is missing"));
        }
        if (birthDate.isAfter(today)) {
            return Optional.of(new RuleViolation("birth_date_in_future", "the birth date is in the future"));
        }
        if (birthDate.isBefore(today.minusYears(MAXIMUM_AGE_YEARS))) {
            return Optional.of(new RuleViolation("birth_date_too_old",
                    "the birth date is more than " + MAXIMUM_AGE_YEARS + " years ago; check for a typo"));
        }
        if (ageYears(birthDate, today) < ADULT_AGE_YEARS) {
            return Optional.of(new RuleViolation("under_age",
                    "only people aged " + ADULT_AGE_YEARS + " or over can open an account"));
        }
        return Optional.empty();
    }
}

package io.quipu.customers.domain;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The shape and check digits of each {@link DocumentType}'s numbers.
 *
 * <p>RUC: 11 digits, prefix 10 (a person, followed by the DNI), 15, 16, 17 or 20 (a company); the 11th digit is a
 * modulo-11 check over the first ten with weights 5, 4, 3, 2, 7, 6, 5, 4, 3, 2 (SUNAT).
 * <p>Ecuadorian cédula: 10 digits; province 01–24, or 30 for Ecuadorians registered abroad; third digit 0–5 (6 and 9
 * mark public and private companies' RUCs); the 10th digit is a modulo-10 check over the first nine with
 * coefficients 2, 1, 2, 1, … where a product above 9 has 9 taken off (Registro Civil).
 */
public final class DocumentNumbers {

    public static final int DNI_LENGTH = 8;
    public static final int RUC_LENGTH = 11;
    public static final int CE_LENGTH = 9;
    public static final int CEDULA_EC_LENGTH = 10;
    public static final int PASSPORT_MINIMUM_LENGTH = 6;
    public static final int PASSPORT_MAXIMUM_LENGTH = 12;
    public static final Set<String> RUC_PREFIXES = Set.of("10", "15", "16", "17", "20");
    /** Ecuadorians registered abroad get province code 30. */
    public static final int CEDULA_EC_ABROAD_PROVINCE = 30;
    public static final int CEDULA_EC_LAST_PROVINCE = 24;

    private static final int[] RUC_WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    /** Spaces of any kind, including the no-break space that copying from a PDF brings along. */
    private static final String SPACES = "[\\s\\p{Z}]";
    /** Hyphen-minus and the other dashes word processors substitute for it. */
    private static final String DASHES = "\\p{Pd}";

    private DocumentNumbers() {
    }

    /**
     * The number as the bank stores it: without spaces and, in the all-digit documents, without the dashes people type
     * between groups ({@code 171003406-5}); passports in upper case. {@code null} becomes the empty string.
     */
    public static String normalise(DocumentType type, String raw) {
        Objects.requireNonNull(type, "type");
        if (raw == null) {
            return "";
        }
        if (type == DocumentType.PASSPORT) {
            return raw.replaceAll(SPACES, "").toUpperCase(Locale.ROOT);
        }
        return raw.replaceAll(SPACES + "|" + DASHES, "");
    }

    /** Why the {@linkplain #normalise normalised} number is not a valid {@code type} number, or empty when it is. */
    public static Optional<RuleViolation> check(DocumentType type, String number) {
        String normalised = normalise(type, number);
        if (normalised.isEmpty()) {
            return violation("missing", "the document number is missing");
        }
        return switch (type) {
            case DNI -> checkDigitsAndLength(normalised, DNI_LENGTH, "a DNI");
            case CE -> checkDigitsAndLength(normalised, CE_LENGTH, "a carné de extranjería");
            case RUC -> checkRuc(normalised);
            case CEDULA_EC -> checkCedula(normalised);
            case PASSPORT -> checkPassport(normalised);
        };
    }

    public static boolean isValid(DocumentType type, String number) {
        return check(type, number).isEmpty();
    }

    /** SUNAT's check digit of a RUC's first ten digits: 11 − (weighted sum mod 11), with 10 → 0 and 11 → 1. */
    static int rucCheckDigit(String firstTenDigits) {
        int sum = 0;
        for (int index = 0; index < RUC_WEIGHTS.length; index++) {
            sum += (firstTenDigits.charAt(index) - '0') * RUC_WEIGHTS[index];
        }
        return (11 - sum % 11) % 10; // % 10 turns 10 into 0 and 11 into 1
    }

    /** The Registro Civil's check digit of a cédula's first nine digits. */
    static int cedulaCheckDigit(String firstNineDigits) {
        int sum = 0;
        for (int index = 0; index < 9; index++) {
            int product = (firstNineDigits.charAt(index) - '0') * (index % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }
        return (10 - sum % 10) % 10;
    }

    private static Optional<RuleViolation> checkRuc(String number) {
        Optional<RuleViolation> shape = checkDigitsAndLength(number, RUC_LENGTH, "a RUC");
        if (shape.isPresent()) {
            return shape;
        }
        if (!RUC_PREFIXES.contains(number.substring(0, 2))) {
            return violation("invalid_prefix", "a RUC starts with 10, 15, 16, 17 or 20");
        }
        if (rucCheckDigit(number) != number.charAt(10) - '0') {
            return violation("invalid_check_digit", "the RUC's last digit does not match the others; check for a typo");
        }
        return Optional.empty();
    }

    private static Optional<RuleViolation> checkCedula(String number) {
        Optional<RuleViolation> shape = checkDigitsAndLength(number, CEDULA_EC_LENGTH, "an Ecuadorian cédula");
        if (shape.isPresent()) {
            return shape;
        }
        int province = Integer.parseInt(number.substring(0, 2));
        if ((province < 1 || province > CEDULA_EC_LAST_PROVINCE) && province != CEDULA_EC_ABROAD_PROVINCE) {
            return violation("invalid_province", "a cédula starts with a province code from 01 to 24, or 30");
        }
        if (number.charAt(2) > '5') {
            return violation("invalid_third_digit", "the third digit of a person's cédula is 0 to 5");
        }
        if (cedulaCheckDigit(number) != number.charAt(9) - '0') {
            return violation("invalid_check_digit", "the cédula's last digit does not match the others; check for a typo");
        }
        return Optional.empty();
    }

    private static Optional<RuleViolation> checkPassport(String number) {
        if (!number.matches("[A-Z0-9]+")) {
            return violation("invalid_characters", "a passport number has only letters A–Z and digits");
        }
        if (number.length() < PASSPORT_MINIMUM_LENGTH || number.length() > PASSPORT_MAXIMUM_LENGTH) {
            return violation("invalid_length", "a passport number has " + PASSPORT_MINIMUM_LENGTH + " to "
                    + PASSPORT_MAXIMUM_LENGTH + " letters and digits");
        }
        return Optional.empty();
    }

    private static Optional<RuleViolation> checkDigitsAndLength(String number, int length, String document) {
        // Only ASCII digits: Character.isDigit would also let Arabic-Indic and other digits through.
        if (!number.chars().allMatch(character -> character >= '0' && character <= '9')) {
            return violation("not_numeric", document + " number has only digits");
        }
        if (number.length() != length) {
            return violation("invalid_length", document + " number has exactly " + length + " digits");
        }
        return Optional.empty();
    }

    private static Optional<RuleViolation> violation(String code, String message) {
        return Optional.of(new RuleViolation(code, message));
    }
}

package io.quipu.customers.domain;

import java.time.LocalDate;

/**
 * How personal data appears in logs, support screens and messages: enough for a person to recognise their own data,
 * too little to be useful to anyone else. Never throws: a masking call must not turn a log line into an error.
 */
public final class Masking {

    public static final String MASKED_BIRTH_DATE = "****-**-**";
    /** The most characters shown at the end of a number; never more than half of it. */
    public static final int VISIBLE_TRAILING_CHARACTERS = 4;

    private static final String MASKED_EMAIL_LOCAL_PART = "***";

    private Masking() {
    }

    /** {@code 12345678} → {@code ****5678}. */
    public static String documentNumber(String number) {
        return number == null ? "" : maskAllButEnd(number);
    }

    /** {@code +51987654321} → {@code +51*****4321}: the country stays visible, it tells which phone the customer means. */
    public static String phone(String phone) {
        String normalised = ContactRules.normalisePhone(phone);
        String prefix = ContactRules.countryCallingCode(normalised).map(code -> "+" + code).orElse("");
        return prefix + maskAllButEnd(normalised.substring(prefix.length()));
    }

    /**
     * {@code ana.quispe@example.com} → {@code a***@example.com}: always three stars, so the length of the local part
     * does not show either.
     */
    public static String email(String email) {
        if (email == null) {
            return "";
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return MASKED_EMAIL_LOCAL_PART;
        }
        return email.substring(0, email.offsetByCodePoints(0, 1)) + MASKED_EMAIL_LOCAL_PART + email.substring(at);
    }

    /** Nothing of a birth date is shown: together with a name, even the year narrows down who someone is. */
    public static String birthDate(LocalDate birthDate) {
        return MASKED_BIRTH_DATE;
    }

    private static String maskAllButEnd(String value) {
        int visible = Math.min(VISIBLE_TRAILING_CHARACTERS, value.length() / 2);
        return "*".repeat(value.length() - visible) + value.substring(value.length() - visible);
    }
}

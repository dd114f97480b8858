package io.quipu.customers.domain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * E-mail addresses and mobile phone numbers the bank can reach a customer at.
 *
 * <p>E-mail: the part of RFC 5321 that real mailboxes use: a dot-atom local part of at most 64 characters, a domain of
 * letter-digit-hyphen labels with an alphabetic top-level label, at most 254 characters in all. Quoted local parts
 * and IP-address domains are valid on paper but nobody opening a bank account has one; refusing them keeps the
 * rule simple.
 * <p>Phone: E.164 mobile numbers of the countries the bank serves, {@code +51 9xxxxxxxx} (Peru) and
 * {@code +593 9xxxxxxxx} (Ecuador); one-time passwords go by SMS, so landlines are refused.
 */
public final class ContactRules {

    public static final int EMAIL_MAXIMUM_LENGTH = 254;
    /** Country calling code → ISO 3166-1 alpha-2 country served. */
    public static final Map<String, String> MOBILE_COUNTRY_CODES = Map.of("51", "PE", "593", "EC");

    private static final Pattern EMAIL = Pattern.compile(
            "(?=[^@]{1,64}@)[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
    /** E.164: a plus, a country code that does not start with 0, at most 15 digits in all. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    /** Both countries' mobile numbers: nine digits starting with 9 after the country code. */
    private static final Pattern MOBILE_NATIONAL_NUMBER = Pattern.compile("9\\d{8}");

    private ContactRules() {
    }

    /** Trimmed and in lower case: the bank treats addresses as case-insensitive, as every mail provider does. */
    public static String normaliseEmail(String raw) {
        return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    }

    /** Why the {@linkplain #normaliseEmail normalised} address is refused, or empty. */
    public static Optional<RuleViolation> checkEmail(String email) {
        String normalised = normaliseEmail(email);
        if (normalised.isEmpty()) {
            return violation("missing", "the e-mail address is missing");
        }
        if (normalised.length() > EMAIL_MAXIMUM_LENGTH) {
            return violation("too_long", "an e-mail address has at most " + EMAIL_MAXIMUM_LENGTH + " characters");
        }
        if (!EMAIL.matcher(normalised).matches()) {
            return violation("invalid_email", "this is not an e-mail address such as ana.quispe@example.com");
        }
        return Optional.empty();
    }

    /** Without the spaces and hyphens people type between groups of digits. */
    public static String normalisePhone(String raw) {
        return raw == null ? "" : raw.replaceAll("[\\s\\p{Z}\\p{Pd}]", "");
    }

    /**
     * Why the {@linkplain #normalisePhone normalised} number is refused ({@code missing}, {@code invalid_phone},
     * {@code unsupported_country}, {@code not_mobile}), or empty.
     */
    public static Optional<RuleViolation> checkPhone(String phone) {
        String normalised = normalisePhone(phone);
        if (normalised.isEmpty()) {
            return violation("missing", "the phone number is missing");
        }
        if (!E164.matcher(normalised).matches()) {
            return violation("invalid_phone", "write the number with its country code, such as +51 987 654 321");
        }
        Optional<String> countryCallingCode = countryCallingCode(normalised);
        if (countryCallingCode.isEmpty()) {
            return violation("unsupported_country", "only Peruvian (+51) and Ecuadorian (+593) mobile numbers are accepted");
        }
        String nationalNumber = normalised.substring(1 + countryCallingCode.get().length());
        if (!MOBILE_NATIONAL_NUMBER.matcher(nationalNumber).matches()) {
            return violation("not_mobile", "a mobile number has 9 digits starting with 9 after the country code");
        }
        return Optional.empty();
    }

    /** The served country calling code a number starts with ({@code "51"}, {@code "593"}), if any. */
    public static Optional<String> countryCallingCode(String phone) {
        String normalised = normalisePhone(phone);
        return MOBILE_COUNTRY_CODES.keySet().stream()
                .filter(code -> normalised.startsWith("+" + code))
                .findFirst();
    }

    private static Optional<RuleViolation> violation(String code, String message) {
        return Optional.of(new RuleViolation(code, message));
    }
}

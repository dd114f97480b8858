package io.quipu.notifications.domain;

import java.util.Locale;

/** Quiet data: messages show at most the last four characters of an account, a payee or a document. */
public final class Masking {

    public static final String MASK = "****";
    private static final int VISIBLE_CHARACTERS = 4;

    private Masking() {
    }

    /**
     * The network of an address, never the address: {@code 190.42.*.*} for IPv4, the first two groups for IPv6
     * ({@code 2800:200:*}); null for anything that is not an address.
     */
    public static String network(String address) {
        if (address == null) {
            return null;
        }
        String trimmed = address.strip().toLowerCase(Locale.ROOT);
        if (trimmed.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            String[] octets = trimmed.split("\\.");
            return octets[0] + "." + octets[1] + ".*.*";
        }
        if (trimmed.matches("[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}")) {
            String[] groups = trimmed.split(":", -1);
            return groups[0] + ":" + groups[1] + ":*";
        }
        return null;
    }

    /**
     * {@code ****1234} from the letters and digits of {@code value} (dashes and spaces dropped); {@code null} stays null.
     * A value that is already masked keeps only its visible end, so it is never shown longer than four characters.
     */
    public static String lastFour(String value) {
        if (value == null) {
            return null;
        }
        String alphanumeric = value.replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT);
        if (alphanumeric.isEmpty()) {
            return MASK;
        }
        return MASK + alphanumeric.substring(Math.max(0, alphanumeric.length() - VISIBLE_CHARACTERS));
    }
}

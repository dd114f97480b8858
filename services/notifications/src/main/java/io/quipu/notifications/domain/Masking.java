package io.quipu.notifications.domain;

import java.util.Locale;

/** Quiet data: messages show at most the last four characters of an account, a payee or a document. */
public final class Masking {

    public static final String MASK = "****";
    private static final int VISIBLE_CHARACTERS = 4;

    private Masking() {
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

package io.quipu.sandbox.domain.sms;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the one-time password in a text message, the way a phone's autofill does. */
public final class OneTimePasswords {

    /** Exactly six digits: not part of a longer number such as an amount or a phone number. */
    private static final Pattern SIX_DIGITS = Pattern.compile("(?<![0-9])[0-9]{6}(?![0-9])");

    private OneTimePasswords() {
    }

    /** The last six-digit number of the text: messages say what the code is for first, then the code. */
    public static Optional<String> lastCodeIn(String text) {
        Matcher matcher = SIX_DIGITS.matcher(text);
        String last = null;
        while (matcher.find()) {
            last = matcher.group();
        }
        return Optional.ofNullable(last);
    }
}

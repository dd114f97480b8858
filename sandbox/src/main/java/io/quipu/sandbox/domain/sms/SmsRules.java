package io.quipu.sandbox.domain.sms;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an SMS provider accepts: E.164 numbers, at most {@value #MAX_TEXT_CHARACTERS} characters (six concatenated
 * GSM-7 segments of 153), an optional sender that is a number or an alphanumeric id of at most 11 characters.
 */
public final class SmsRules {

    public static final int MAX_TEXT_CHARACTERS = 918;
    public static final int MAX_ALPHANUMERIC_SENDER_CHARACTERS = 11;

    /** {@code +}, a country code that does not start with 0, 8 to 15 digits in all. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern ALPHANUMERIC_SENDER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9 ]{0,10}");

    private static final int GSM_SINGLE_SEGMENT_SEPTETS = 160;
    private static final int GSM_CONCATENATED_SEGMENT_SEPTETS = 153;
    private static final int UCS2_SINGLE_SEGMENT_UNITS = 70;
    private static final int UCS2_CONCATENATED_SEGMENT_UNITS = 67;
    /** GSM 03.38 basic character set (the escape character itself excluded). */
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** GSM 03.38 extension table: each costs two septets (escape + character). */
    private static final String GSM_EXTENSION = "^{}\\[~]|€\f";

    private SmsRules() {
    }

    public static boolean isPhoneNumber(String value) {
        return value != null && E164.matcher(value).matches();
    }

    /** Every problem of an SMS request, empty when the provider would accept it. */
    public static List<SmsViolation> check(String to, String text, String sender) {
        List<SmsViolation> violations = new ArrayList<>(3);
        if (to == null || to.isBlank()) {
            violations.add(new SmsViolation("to", "required", "is required"));
        } else if (!isPhoneNumber(to)) {
            violations.add(new SmsViolation("to", "invalid_phone_number",
                    "must be an E.164 phone number: + and 8 to 15 digits, such as +51987654321"));
        }
        if (text == null || text.isBlank()) {
            violations.add(new SmsViolation("text", "required", "is required"));
        } else if (text.codePointCount(0, text.length()) > MAX_TEXT_CHARACTERS) {
            violations.add(new SmsViolation("text", "too_long",
                    "must be at most " + MAX_TEXT_CHARACTERS + " characters (6 segments)"));
        }
        if (sender != null && !isPhoneNumber(sender) && !ALPHANUMERIC_SENDER.matcher(sender).matches()) {
            violations.add(new SmsViolation("sender", "invalid_sender",
                    "must be an E.164 phone number or 1 to " + MAX_ALPHANUMERIC_SENDER_CHARACTERS + " letters, digits and spaces"));
        }
        return violations;
    }

    /**
     * How many segments the text travels in, as operators bill it: GSM-7 when every character is in the GSM alphabet
     * (160 septets alone, 153 per segment when concatenated), UCS-2 otherwise (70 and 67 UTF-16 units).
     */
    public static int segments(String text) {
        int septets = 0;
        for (int index = 0; index < text.length(); index++) {
            char character = text.charAt(index);
            if (GSM_BASIC.indexOf(character) >= 0) {
                septets += 1;
            } else if (GSM_EXTENSION.indexOf(character) >= 0) {
                septets += 2;
            } else {
                return segmentsOf(text.length(), UCS2_SINGLE_SEGMENT_UNITS, UCS2_CONCATENATED_SEGMENT_UNITS);
            }
        }
        return segmentsOf(septets, GSM_SINGLE_SEGMENT_SEPTETS, GSM_CONCATENATED_SEGMENT_SEPTETS);
    }

    private static int segmentsOf(int units, int singleSegmentUnits, int concatenatedSegmentUnits) {
        if (units <= singleSegmentUnits) {
            return 1;
        }
        return (units + concatenatedSegmentUnits - 1) / concatenatedSegmentUnits;
    }
}

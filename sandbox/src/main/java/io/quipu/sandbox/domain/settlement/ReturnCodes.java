package io.quipu.sandbox.domain.settlement;

import java.util.regex.Pattern;

/** ISO 20022 external reason codes as clearing systems use them: four capital letters or digits (AC04, MS03). */
public final class ReturnCodes {

    public static final String RULE = "must be an ISO 20022 reason code: 4 capital letters or digits, such as AC04";
    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{4}");

    private ReturnCodes() {
    }

    public static boolean isValid(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    static String requireValid(String code) {
        if (!isValid(code)) {
            throw new IllegalArgumentException(RULE + ": " + code);
        }
        return code;
    }
}

package io.quipu.sandbox.domain.swift;

import java.util.regex.Pattern;

/** BICs (ISO 9362): bank (4 letters), country (2 letters), location (2 letters or digits), optional branch (3). */
public final class Bics {

    private static final Pattern BIC = Pattern.compile("[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?");

    private Bics() {
    }

    public static boolean isValid(String bic) {
        return bic != null && BIC.matcher(bic).matches();
    }
}

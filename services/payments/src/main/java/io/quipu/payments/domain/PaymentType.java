package io.quipu.payments.domain;

import java.util.Locale;

public enum PaymentType {
    /** To another Quipu account: one ledger transfer. */
    INTERNAL,
    /** To another bank's account by CCI: hold, clearing house, post or void. */
    INTERBANK,
    /** To an IBAN abroad with an FX quote: a linked pair of holds through the FX position, SWIFT-like network. */
    INTERNATIONAL;

    public static PaymentType of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

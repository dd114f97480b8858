package io.quipu.sandbox.domain.settlement;

import java.util.Locale;

/** Where a payment sent to a simulated network is: accepted, then settled, and perhaps returned afterwards. */
public enum SettlementStatus {
    ACCEPTED,
    SETTLED,
    RETURNED;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

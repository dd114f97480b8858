package io.quipu.fraud.domain;

/** The rules a payment is judged by; {@link #code()} is what a decision's {@code reasons} carry. */
public enum RiskRule {

    /** The amount is far above what the customer usually pays in that currency (or above a new customer's threshold). */
    AMOUNT_ABOVE_USUAL("amount_above_usual"),
    /** Many payments in a short time, this one included. */
    VELOCITY("velocity"),
    /** A payee this customer never paid before, with a high amount. */
    NEW_PAYEE_HIGH_AMOUNT("new_payee_high_amount"),
    /** In the small hours of the bank's time zone. */
    UNUSUAL_HOUR("unusual_hour"),
    /** Several failed logins, codes or passkeys of this customer shortly before. */
    RECENT_FAILED_LOGINS("recent_failed_logins");

    private final String code;

    RiskRule(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static RiskRule ofCode(String code) {
        for (RiskRule rule : values()) {
            if (rule.code.equals(code)) {
                return rule;
            }
        }
        throw new IllegalArgumentException("unknown rule " + code);
    }
}

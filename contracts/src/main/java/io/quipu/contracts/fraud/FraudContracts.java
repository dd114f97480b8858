package io.quipu.contracts.fraud;

/** Names the fraud service shares: its audience and scopes. */
public final class FraudContracts {

    public static final String SERVICE = "fraud";
    /** Asking for a decision on a payment (the payments service). */
    public static final String CHECK_SCOPE = "fraud:check";
    /** Reading decisions and cases (staff, the payments service for its held payments). */
    public static final String READ_SCOPE = "fraud:read";

    public static final String ALLOW = "allow";
    public static final String REVIEW = "review";
    public static final String DENY = "deny";

    private FraudContracts() {
    }
}

package io.quipu.contracts.payments;

/** Names the payments service shares: audience, scopes, event types on topic {@code payments} (key = payment id). */
public final class PaymentsContracts {

    public static final String SERVICE = "payments";
    public static final String READ_SCOPE = "payments:read";
    public static final String WRITE_SCOPE = "payments:write";

    public static final String EVENT_TYPE_PREFIX = "io.quipu.payments.payment.";
    public static final String CREATED = EVENT_TYPE_PREFIX + "created";
    public static final String AUTHORIZED = EVENT_TYPE_PREFIX + "authorized";
    public static final String HELD = EVENT_TYPE_PREFIX + "held";
    public static final String SENT = EVENT_TYPE_PREFIX + "sent";
    public static final String COMPLETED = EVENT_TYPE_PREFIX + "completed";
    public static final String FAILED = EVENT_TYPE_PREFIX + "failed";
    public static final String RETURNED = EVENT_TYPE_PREFIX + "returned";

    private PaymentsContracts() {
    }
}

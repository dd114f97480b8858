package io.quipu.notifications.domain;

/**
 * A channel did not deliver. {@code permanent}: trying again changes nothing (no address, the provider refused the
 * message); otherwise it may pass (no connection, timeout, circuit open). {@code code} is stable and goes to the
 * delivery log; the message never holds the recipient or the text.
 */
public class DeliveryFailure extends RuntimeException {

    private final boolean permanent;
    private final String code;

    public DeliveryFailure(boolean permanent, String code, String message, Throwable cause) {
        super(message, cause, false, false);
        this.permanent = permanent;
        this.code = code;
    }

    public static DeliveryFailure passing(String code, String message, Throwable cause) {
        return new DeliveryFailure(false, code, message, cause);
    }

    public static DeliveryFailure permanent(String code, String message) {
        return new DeliveryFailure(true, code, message, null);
    }

    public boolean permanent() {
        return permanent;
    }

    public String code() {
        return code;
    }
}

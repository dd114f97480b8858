package io.quipu.payments.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The ledger transfer ids of a payment, derived from the payment id and the step: a step repeated after a crash or a
 * lost answer sends the same id, and the ledger answers {@code exists} instead of moving money twice.
 */
public final class LedgerTransferIds {

    private LedgerTransferIds() {
    }

    public static UUID of(UUID paymentId, String step) {
        return UUID.nameUUIDFromBytes(("quipu-payment:" + paymentId + ":" + step).getBytes(StandardCharsets.UTF_8));
    }

    public static UUID transfer(UUID paymentId) {
        return of(paymentId, "transfer");
    }

    public static UUID hold(UUID paymentId) {
        return of(paymentId, "hold");
    }

    public static UUID holdTarget(UUID paymentId) {
        return of(paymentId, "hold-target");
    }

    public static UUID post(UUID paymentId, UUID holdId) {
        return of(paymentId, "post:" + holdId);
    }

    public static UUID release(UUID paymentId, UUID holdId) {
        return of(paymentId, "void:" + holdId);
    }

    public static UUID refund(UUID paymentId, String leg) {
        return of(paymentId, "refund:" + leg);
    }
}

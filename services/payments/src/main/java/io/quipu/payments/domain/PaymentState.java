package io.quipu.payments.domain;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where a payment stands. Every move is one of {@link #allowedNext()}: a payment never goes back, and each path ends in
 * exactly one terminal state ({@code COMPLETED} may still become {@code RETURNED}: the other bank sends the money back).
 */
public enum PaymentState {
    CREATED, AWAITING_AUTHORIZATION, UNDER_REVIEW, AUTHORIZED, HELD, SENT, COMPLETED, FAILED, RETURNED;

    private static final Map<PaymentState, Set<PaymentState>> NEXT = Map.of(
            CREATED, EnumSet.of(AWAITING_AUTHORIZATION, UNDER_REVIEW, AUTHORIZED, FAILED),
            UNDER_REVIEW, EnumSet.of(AWAITING_AUTHORIZATION, AUTHORIZED, FAILED),
            AWAITING_AUTHORIZATION, EnumSet.of(AUTHORIZED, FAILED),
            AUTHORIZED, EnumSet.of(HELD, COMPLETED, FAILED),
            HELD, EnumSet.of(SENT, FAILED),
            SENT, EnumSet.of(COMPLETED, FAILED),
            COMPLETED, EnumSet.of(RETURNED),
            FAILED, EnumSet.noneOf(PaymentState.class),
            RETURNED, EnumSet.noneOf(PaymentState.class));

    public Set<PaymentState> allowedNext() {
        return NEXT.get(this);
    }

    public boolean canMoveTo(PaymentState next) {
        return allowedNext().contains(next);
    }

    /** No more work: failed and returned are final; completed only waits for a possible return. */
    public boolean isTerminal() {
        return this == FAILED || this == RETURNED || this == COMPLETED;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

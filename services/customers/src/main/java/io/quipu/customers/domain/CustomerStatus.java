package io.quipu.customers.domain;

import java.util.Objects;
import java.util.Set;

/**
 * A customer's life at the bank: a prospect until onboarding completes, then active, possibly blocked (fraud,
 * court order, the customer's own request) and active again, until closed. Closed is final: a returning customer is
 * onboarded afresh.
 */
public enum CustomerStatus {
    PROSPECT, ACTIVE, BLOCKED, CLOSED;

    /** The statuses this one may change to. */
    public Set<CustomerStatus> allowedNext() {
        return switch (this) {
            case PROSPECT -> Set.of(ACTIVE, CLOSED);
            case ACTIVE -> Set.of(BLOCKED, CLOSED);
            case BLOCKED -> Set.of(ACTIVE, CLOSED);
            case CLOSED -> Set.of();
        };
    }

    public boolean canTransitionTo(CustomerStatus next) {
        return allowedNext().contains(Objects.requireNonNull(next, "next"));
    }

    /** {@code next}, when this status may change to it; {@link IllegalTransition} otherwise. */
    public CustomerStatus transitionTo(CustomerStatus next) {
        if (!canTransitionTo(next)) {
            throw new IllegalTransition(this, next);
        }
        return next;
    }
}

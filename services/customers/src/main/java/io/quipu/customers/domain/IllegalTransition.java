package io.quipu.customers.domain;

import java.util.Objects;

/** A state change the rules do not allow; a bug or a race in the caller, never something to retry as is. */
public class IllegalTransition extends RuntimeException {

    private final Enum<?> from;
    private final Enum<?> to;

    public IllegalTransition(Enum<?> from, Enum<?> to) {
        super("cannot go from " + Objects.requireNonNull(from, "from") + " to " + Objects.requireNonNull(to, "to"));
        this.from = from;
        this.to = to;
    }

    public Enum<?> from() {
        return from;
    }

    public Enum<?> to() {
        return to;
    }
}

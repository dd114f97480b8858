package io.quipu.customers.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded change of an onboarding case's state.
 *
 * @param detail what happened, for the people who read the case (a provider's reference, a score); never personal
 *               data, which the history keeps in the clear
 */
public record OnboardingTransition(OnboardingState from, OnboardingState to, Instant at, String detail) {

    public static final int DETAIL_MAXIMUM_LENGTH = 500;

    public OnboardingTransition {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
        detail = detail == null ? "" : detail;
        if (detail.length() > DETAIL_MAXIMUM_LENGTH) {
            throw new IllegalArgumentException("detail has more than " + DETAIL_MAXIMUM_LENGTH + " characters");
        }
    }

    /** Forward by exactly one step on the happy path, or to {@link OnboardingState#REJECTED} from any live state. */
    public static boolean isAllowed(OnboardingState from, OnboardingState to) {
        return from.next().map(to::equals).orElse(false) || (to == OnboardingState.REJECTED && !from.isTerminal());
    }
}

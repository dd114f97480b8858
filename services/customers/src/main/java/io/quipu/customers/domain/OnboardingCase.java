package io.quipu.customers.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An applicant's way from starting onboarding to an active customer with an account and a signed contract.
 *
 * <p>The state alone says what has to happen next ({@link #nextStep()}), so after a crash the service picks the case
 * up where it stood. A step may therefore run twice (done, then the crash before its state was saved): every step's
 * calls to other systems carry ids derived from the case, so that repeating them is harmless.
 *
 * <p>{@code transitions} is the append-only history: every element is an allowed move and each starts where the
 * previous ended, so it holds at most one entry per state after {@link OnboardingState#STARTED} (eight).
 *
 * @param rejectionReason present exactly when the state is {@link OnboardingState#REJECTED}
 */
public record OnboardingCase(UUID id, OnboardingState state, RejectionReason rejectionReason,
                             List<OnboardingTransition> transitions) {

    public OnboardingCase {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        transitions = List.copyOf(transitions);
        if ((rejectionReason != null) != (state == OnboardingState.REJECTED)) {
            throw new IllegalArgumentException("a rejection reason goes with the REJECTED state and only with it");
        }
        OnboardingState reached = OnboardingState.STARTED;
        for (OnboardingTransition transition : transitions) {
            if (transition.from() != reached || !OnboardingTransition.isAllowed(transition.from(), transition.to())) {
                throw new IllegalArgumentException("history does not follow the rules at " + transition);
            }
            reached = transition.to();
        }
        if (reached != state) {
            throw new IllegalArgumentException("history ends in " + reached + " but the state is " + state);
        }
    }

    public static OnboardingCase start(UUID id) {
        return new OnboardingCase(id, OnboardingState.STARTED, null, List.of());
    }

    /** What has to happen for the case to move on; empty once it is completed or rejected. */
    public Optional<OnboardingStep> nextStep() {
        return OnboardingStep.from(state);
    }

    public boolean isTerminal() {
        return state.isTerminal();
    }

    /** The case in {@code next}, which must be the very next state on the happy path: no skipping, no going back. */
    public OnboardingCase advance(OnboardingState next, Instant at, String detail) {
        Objects.requireNonNull(next, "next");
        if (!state.next().map(next::equals).orElse(false)) {
            throw new IllegalTransition(state, next);
        }
        return new OnboardingCase(id, next, null, append(new OnboardingTransition(state, next, at, detail)));
    }

    /** The case stopped for good, from any state that is not already terminal. */
    public OnboardingCase reject(RejectionReason reason, Instant at, String detail) {
        Objects.requireNonNull(reason, "reason");
        if (isTerminal()) {
            throw new IllegalTransition(state, OnboardingState.REJECTED);
        }
        OnboardingTransition transition = new OnboardingTransition(state, OnboardingState.REJECTED, at, detail);
        return new OnboardingCase(id, OnboardingState.REJECTED, reason, append(transition));
    }

    private List<OnboardingTransition> append(OnboardingTransition transition) {
        List<OnboardingTransition> history = new ArrayList<>(transitions);
        history.add(transition);
        return history;
    }
}

package io.quipu.customers.domain;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/** The work that moves an onboarding case from one state to the next on the happy path. */
public enum OnboardingStep {
    VERIFY_IDENTITY(OnboardingState.STARTED, OnboardingState.IDENTITY_VERIFIED),
    VERIFY_SELFIE(OnboardingState.IDENTITY_VERIFIED, OnboardingState.SELFIE_VERIFIED),
    SCREEN_SANCTIONS(OnboardingState.SELFIE_VERIFIED, OnboardingState.SCREENED),
    CREATE_CREDENTIALS(OnboardingState.SCREENED, OnboardingState.CREDENTIALS_CREATED),
    OPEN_ACCOUNT(OnboardingState.CREDENTIALS_CREATED, OnboardingState.ACCOUNT_OPENED),
    SIGN_CONTRACT(OnboardingState.ACCOUNT_OPENED, OnboardingState.CONTRACT_SIGNED),
    SEND_CONTRACT_AND_ACTIVATE(OnboardingState.CONTRACT_SIGNED, OnboardingState.COMPLETED);

    private final OnboardingState from;
    private final OnboardingState reaches;

    OnboardingStep(OnboardingState from, OnboardingState reaches) {
        this.from = from;
        this.reaches = reaches;
    }

    /** The step to do in {@code state}; empty when the state is terminal. */
    public static Optional<OnboardingStep> from(OnboardingState state) {
        Objects.requireNonNull(state, "state");
        return Arrays.stream(values()).filter(step -> step.from == state).findFirst();
    }

    public OnboardingState reaches() {
        return reaches;
    }
}

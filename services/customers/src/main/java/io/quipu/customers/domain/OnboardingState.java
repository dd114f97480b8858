package io.quipu.customers.domain;

import java.util.Optional;

/** Where an onboarding case stands; the happy path in declaration order, then {@link #REJECTED}. */
public enum OnboardingState {
    STARTED,
    /** The identity registry knows the document, the declared names match it, and the applicant is an adult. */
    IDENTITY_VERIFIED,
    /** The selfie matches the registry's photo well enough and came from a live person. */
    SELFIE_VERIFIED,
    /** Not on any sanctions list. */
    SCREENED,
    /** The identity service holds the customer's login. */
    CREDENTIALS_CREATED,
    /** The ledger holds the customer's savings account. */
    ACCOUNT_OPENED,
    /** The signed contract PDF is stored. */
    CONTRACT_SIGNED,
    /** The contract went out by e-mail and the customer is active. */
    COMPLETED,
    /** Stopped for good; the case carries the reason. */
    REJECTED;

    public boolean isTerminal() {
        return this == COMPLETED || this == REJECTED;
    }

    /** The state the happy path goes to from this one; empty for terminal states. */
    public Optional<OnboardingState> next() {
        return isTerminal() ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
    }
}

package io.quipu.customers.domain;

import java.util.Locale;

/** Why an onboarding case was rejected. */
public enum RejectionReason {
    /** The identity registry does not know the document. */
    IDENTITY_NOT_FOUND,
    /** The registry records the person as deceased. */
    DECEASED,
    /** The declared names are not the registry's. */
    NAME_MISMATCH,
    /** The declared birth date is not the registry's. */
    BIRTH_DATE_MISMATCH,
    UNDER_AGE,
    /** The selfie does not match the registry's photo closely enough. */
    BIOMETRIC_MISMATCH,
    /** The selfie did not come from a live person (a photo of a photo, a mask, a replayed video). */
    LIVENESS_FAILED,
    SANCTIONS_HIT,
    /** The applicant gave up, or let the case lapse. */
    ABANDONED;

    /** The stable machine-readable code: {@code name_mismatch}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}

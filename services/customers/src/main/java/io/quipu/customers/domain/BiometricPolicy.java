package io.quipu.customers.domain;

import java.util.Optional;

/**
 * When a selfie proves the applicant is the document's holder: the provider's match score against the registry's
 * photo reaches {@code threshold}, and the liveness check passed (without it a printed photo would do).
 *
 * @param threshold the lowest accepted match score, in (0, 1]
 */
public record BiometricPolicy(double threshold) {

    public BiometricPolicy {
        if (!(threshold > 0 && threshold <= 1)) { // written this way round so that NaN is refused too
            throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
        }
    }

    public boolean passes(double score, boolean live) {
        return check(score, live).isEmpty();
    }

    /** Why the selfie is refused, or empty; a score outside [0, 1] is a provider fault, not a verdict on the applicant. */
    public Optional<RejectionReason> check(double score, boolean live) {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("match score must be in [0, 1]: " + score);
        }
        if (!live) {
            return Optional.of(RejectionReason.LIVENESS_FAILED);
        }
        return score >= threshold ? Optional.empty() : Optional.of(RejectionReason.BIOMETRIC_MISMATCH);
    }
}

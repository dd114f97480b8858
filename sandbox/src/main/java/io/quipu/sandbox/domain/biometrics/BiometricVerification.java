package io.quipu.sandbox.domain.biometrics;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A comparison of a selfie with a registry photo, as the provider issued it.
 *
 * @param score    the similarity of the faces, 0 to 1
 * @param liveness whether the selfie was taken of a live person ({@code livenessScore} at least the threshold)
 */
public record BiometricVerification(UUID verificationId, String documentNumber, String photoReference, double score,
        double livenessScore, boolean liveness, Instant verifiedAt) {

    public BiometricVerification {
        Objects.requireNonNull(verificationId, "verificationId");
        Objects.requireNonNull(documentNumber, "documentNumber");
        Objects.requireNonNull(photoReference, "photoReference");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
    }
}

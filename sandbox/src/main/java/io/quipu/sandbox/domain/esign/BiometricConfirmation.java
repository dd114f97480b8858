package io.quipu.sandbox.domain.esign;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.quipu.sandbox.domain.biometrics.BiometricVerification;

/**
 * The provider signs only for a signer who just proved, face to camera, to be the holder of the document: a
 * verification of the same document, recent, with a high score and a live person.
 */
public final class BiometricConfirmation {

    public static final Duration MAX_AGE = Duration.ofMinutes(10);
    public static final double MIN_SCORE = 0.90;

    private BiometricConfirmation() {
    }

    /** Why the verification does not confirm the signer; empty when it does. */
    public static Optional<String> refusal(Optional<BiometricVerification> found, String documentNumber, Instant now) {
        if (found.isEmpty()) {
            return Optional.of("The biometric verification does not exist.");
        }
        BiometricVerification verification = found.get();
        if (!verification.documentNumber().equals(documentNumber)) {
            return Optional.of("The biometric verification is of another document.");
        }
        if (!verification.verifiedAt().plus(MAX_AGE).isAfter(now)) {
            return Optional.of("The biometric verification is older than " + MAX_AGE.toMinutes() + " minutes.");
        }
        if (verification.score() < MIN_SCORE) {
            return Optional.of("The biometric verification's score is below " + MIN_SCORE + ".");
        }
        if (!verification.liveness()) {
            return Optional.of("The biometric verification did not prove a live person.");
        }
        return Optional.empty();
    }
}

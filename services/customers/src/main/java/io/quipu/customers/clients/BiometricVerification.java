package io.quipu.customers.clients;

/**
 * The biometric provider's verdict on a selfie: {@code score} is the similarity with the registry photo (0 to 1),
 * {@code liveness} whether a live person took it. The e-signature provider asks for {@code verificationId}.
 */
public record BiometricVerification(String verificationId, double score, boolean liveness) {
}

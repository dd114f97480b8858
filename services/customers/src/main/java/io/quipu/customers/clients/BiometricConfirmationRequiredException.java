package io.quipu.customers.clients;

/**
 * The e-signature provider refused to sign (422 {@code biometric_confirmation_required}): the biometric verification
 * given is unknown, too old, failed, or of another document. The customer must take a new selfie first.
 */
public class BiometricConfirmationRequiredException extends RuntimeException {

    public BiometricConfirmationRequiredException() {
        this("the e-signature provider requires a recent passing biometric verification of the signer");
    }

    public BiometricConfirmationRequiredException(String message) {
        super(message);
    }
}

package io.quipu.platform.clients;

/**
 * An external provider could not answer: it timed out, refused the connection, answered 5xx or 429 after every try,
 * or its circuit breaker is open. The onboarding can try again later; nothing about the customer was decided.
 */
public class ProviderUnavailableException extends RuntimeException {

    private final String provider;

    public ProviderUnavailableException(String provider, String message, Throwable cause) {
        super("the " + provider + " provider is unavailable: " + message, cause);
        this.provider = provider;
    }

    /** The provider's short name: registry, biometrics, screening, esign or mail. */
    public String provider() {
        return provider;
    }
}

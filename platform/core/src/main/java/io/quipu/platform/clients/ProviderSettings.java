package io.quipu.platform.clients;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * How one external provider is called: where, with which key, how long one try may take, how many tries, the pause
 * between them, and when its circuit breaker opens. Checked when built, so a wrong setting stops the service at startup.
 *
 * @param provider                   short name used in logs and in {@link ProviderUnavailableException#provider()}
 * @param baseUrl                    the provider's base URL, such as {@code http://127.0.0.1:8099}
 * @param apiKey                     sent in {@code X-Api-Key}; never logged
 * @param timeout                    the limit of one try, from connecting to the last byte of the answer
 * @param maxAttempts                tries in all, the first included (1 = no retry)
 * @param retryWait                  the pause before the first retry
 * @param backoff                    how the pause grows: linear (wait, 2 × wait, ...) or exponential (wait, 2 × wait, 4 × wait, ...)
 * @param circuitBreakerFailures     consecutive failed tries that open the circuit; 0 for no circuit breaker
 * @param circuitBreakerOpenDuration how long an open circuit refuses calls before letting one through
 */
public record ProviderSettings(String provider, String baseUrl, String apiKey, Duration timeout, int maxAttempts,
        Duration retryWait, Backoff backoff, int circuitBreakerFailures, Duration circuitBreakerOpenDuration) {

    public enum Backoff { LINEAR, EXPONENTIAL }

    public static final int MAX_ATTEMPTS_LIMIT = 5;
    public static final Duration TIMEOUT_LIMIT = Duration.ofMinutes(2);
    public static final Duration RETRY_WAIT_LIMIT = Duration.ofSeconds(30);
    public static final int CIRCUIT_BREAKER_FAILURES_LIMIT = 100;
    public static final Duration OPEN_DURATION_LIMIT = Duration.ofHours(1);

    public ProviderSettings {
        require(provider != null && provider.matches("[a-z]{1,20}"), "provider must be 1 to 20 lowercase letters");
        require(baseUrl != null && isHttpUrl(baseUrl), provider + ": the base URL must be an http or https URL");
        require(apiKey != null && !apiKey.isBlank(), provider + ": the API key must not be blank");
        require(timeout != null && !timeout.isNegative() && !timeout.isZero() && timeout.compareTo(TIMEOUT_LIMIT) <= 0,
                provider + ": the timeout must be more than 0 and at most " + TIMEOUT_LIMIT);
        require(maxAttempts >= 1 && maxAttempts <= MAX_ATTEMPTS_LIMIT,
                provider + ": max attempts must be 1 to " + MAX_ATTEMPTS_LIMIT);
        require(retryWait != null && retryWait.toMillis() >= 1 && retryWait.compareTo(RETRY_WAIT_LIMIT) <= 0,
                provider + ": the retry wait must be 1 ms to " + RETRY_WAIT_LIMIT);
        require(backoff != null, provider + ": the backoff must be linear or exponential");
        require(circuitBreakerFailures >= 0 && circuitBreakerFailures <= CIRCUIT_BREAKER_FAILURES_LIMIT,
                provider + ": circuit breaker failures must be 0 (none) to " + CIRCUIT_BREAKER_FAILURES_LIMIT);
        require(circuitBreakerOpenDuration != null && circuitBreakerOpenDuration.toMillis() >= 1
                && circuitBreakerOpenDuration.compareTo(OPEN_DURATION_LIMIT) <= 0,
                provider + ": the circuit breaker's open duration must be 1 ms to " + OPEN_DURATION_LIMIT);
        baseUrl = baseUrl.replaceAll("/+$", "");
    }

    public boolean hasCircuitBreaker() {
        return circuitBreakerFailures > 0;
    }

    /** Without the API key: settings end up in logs and error messages. */
    @Override
    public String toString() {
        return "ProviderSettings[provider=" + provider + ", baseUrl=" + baseUrl + ", timeout=" + timeout
                + ", maxAttempts=" + maxAttempts + ", retryWait=" + retryWait + ", backoff=" + backoff
                + ", circuitBreakerFailures=" + circuitBreakerFailures
                + ", circuitBreakerOpenDuration=" + circuitBreakerOpenDuration + "]";
    }

    private static boolean isHttpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * A provider's settings from {@code <prefix>.url}, {@code .api-key}, {@code .timeout}, {@code .max-attempts},
     * {@code .retry-wait}, {@code .backoff}, {@code .circuit-breaker.failures} and {@code .circuit-breaker.open-duration}
     * where set, otherwise the defaults; the URL falls back to the sandbox's ({@code quipu.services.sandbox.url}).
     */
    public static ProviderSettings bind(Environment environment, String prefix, ProviderSettings defaults) {
        Binder binder = Binder.get(environment);
        String sandboxUrl = binder.bind("quipu.services.sandbox.url", String.class).orElse(defaults.baseUrl());
        return new ProviderSettings(defaults.provider(),
                binder.bind(prefix + ".url", String.class).orElse(sandboxUrl),
                binder.bind(prefix + ".api-key", String.class).orElse(defaults.apiKey()),
                binder.bind(prefix + ".timeout", Duration.class).orElse(defaults.timeout()),
                binder.bind(prefix + ".max-attempts", Integer.class).orElse(defaults.maxAttempts()),
                binder.bind(prefix + ".retry-wait", Duration.class).orElse(defaults.retryWait()),
                binder.bind(prefix + ".backoff", Backoff.class).orElse(defaults.backoff()),
                binder.bind(prefix + ".circuit-breaker.failures", Integer.class).orElse(defaults.circuitBreakerFailures()),
                binder.bind(prefix + ".circuit-breaker.open-duration", Duration.class).orElse(defaults.circuitBreakerOpenDuration()));
    }
}

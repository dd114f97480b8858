package io.quipu.notifications.domain;

import java.time.Duration;

/**
 * How often a channel is tried and how long to wait between tries: linear (wait, 2 × wait, ...) or exponential (wait,
 * 2 × wait, 4 × wait, ...), each pause at most {@link #MAX_WAIT}. After {@code maxAttempts} failed tries the delivery is
 * given up (dead).
 */
public record RetryPolicy(int maxAttempts, Duration firstWait, Backoff backoff) {

    public enum Backoff { LINEAR, EXPONENTIAL }

    public static final int MAX_ATTEMPTS_LIMIT = 10;
    public static final Duration MAX_WAIT = Duration.ofHours(1);

    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > MAX_ATTEMPTS_LIMIT) {
            throw new IllegalArgumentException("max attempts must be 1 to " + MAX_ATTEMPTS_LIMIT);
        }
        if (firstWait == null || firstWait.toMillis() < 1 || firstWait.compareTo(MAX_WAIT) > 0) {
            throw new IllegalArgumentException("the first wait must be 1 ms to " + MAX_WAIT);
        }
        if (backoff == null) {
            throw new IllegalArgumentException("the backoff must be linear or exponential");
        }
    }

    /** Whether another try is allowed after {@code failedAttempts} failed ones. */
    public boolean allowsAnotherAttempt(int failedAttempts) {
        return failedAttempts < maxAttempts;
    }

    /** The pause after the {@code failedAttempts}-th failed try (1 = after the first). */
    public Duration waitAfter(int failedAttempts) {
        int step = Math.max(1, Math.min(failedAttempts, 30));
        Duration wait = switch (backoff) {
            case LINEAR -> firstWait.multipliedBy(step);
            case EXPONENTIAL -> firstWait.multipliedBy(1L << (step - 1));
        };
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }
}

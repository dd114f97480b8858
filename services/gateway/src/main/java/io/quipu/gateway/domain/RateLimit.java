package io.quipu.gateway.domain;

import java.time.Duration;

/**
 * A rate limit: at most {@code requests} in any {@code period}, refilled smoothly (10 per minute is one every 6 s).
 *
 * @param requests how many requests a full bucket allows at once
 * @param period   how long an empty bucket takes to fill again
 */
public record RateLimit(long requests, Duration period) {

    public RateLimit {
        if (requests < 1 || requests > 1_000_000) {
            throw new IllegalArgumentException("a rate limit allows 1 to 1,000,000 requests: " + requests);
        }
        if (period == null || period.isNegative() || period.isZero() || period.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("a rate limit's period is positive and at most a day: " + period);
        }
    }
}

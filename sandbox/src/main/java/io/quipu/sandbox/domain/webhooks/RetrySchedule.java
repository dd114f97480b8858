package io.quipu.sandbox.domain.webhooks;

import java.time.Duration;
import java.util.Optional;

/**
 * When a failed notification is tried again: {@value #RETRIES} retries, each after twice the previous pause
 * (1 s, 2 s, 4 s by default), then it is given up and the client polls.
 */
public record RetrySchedule(Duration firstPause) {

    public static final int RETRIES = 3;

    public RetrySchedule {
        if (firstPause == null || firstPause.isNegative()) {
            throw new IllegalArgumentException("firstPause must not be negative: " + firstPause);
        }
    }

    /** The pause before retry number {@code retry} (1 to {@value #RETRIES}); empty once every retry is used. */
    public Optional<Duration> pauseBefore(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries count from 1: " + retry);
        }
        return retry > RETRIES ? Optional.empty() : Optional.of(firstPause.multipliedBy(1L << (retry - 1)));
    }
}

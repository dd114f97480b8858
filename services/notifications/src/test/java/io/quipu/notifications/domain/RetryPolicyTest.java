package io.quipu.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class RetryPolicyTest {

    @Test
    void linearAndExponentialWaits() {
        RetryPolicy linear = new RetryPolicy(3, Duration.ofSeconds(10), RetryPolicy.Backoff.LINEAR);
        assertThat(linear.waitAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(linear.waitAfter(2)).isEqualTo(Duration.ofSeconds(20));
        RetryPolicy exponential = new RetryPolicy(5, Duration.ofSeconds(15), RetryPolicy.Backoff.EXPONENTIAL);
        assertThat(exponential.waitAfter(1)).isEqualTo(Duration.ofSeconds(15));
        assertThat(exponential.waitAfter(3)).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void triesAreCountedFirstIncluded() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(1), RetryPolicy.Backoff.LINEAR);
        assertThat(policy.allowsAnotherAttempt(2)).isTrue();
        assertThat(policy.allowsAnotherAttempt(3)).isFalse();
    }

    @Test
    void settingsOutOfBoundsAreRefused() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ofSeconds(1), RetryPolicy.Backoff.LINEAR))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(11, Duration.ofSeconds(1), RetryPolicy.Backoff.LINEAR))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ZERO, RetryPolicy.Backoff.LINEAR))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofHours(2), RetryPolicy.Backoff.LINEAR))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void aWaitIsNeverShorterThanTheFirstNorLongerThanTheCap(@ForAll @IntRange(min = 1, max = 1_000) int failedAttempts,
                                                             @ForAll @IntRange(min = 1, max = 3_600_000) int firstWaitMillis,
                                                             @ForAll RetryPolicy.Backoff backoff) {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(firstWaitMillis), backoff);
        Duration wait = policy.waitAfter(failedAttempts);
        assertThat(wait).isGreaterThanOrEqualTo(Duration.ofMillis(firstWaitMillis)).isLessThanOrEqualTo(RetryPolicy.MAX_WAIT);
    }
}

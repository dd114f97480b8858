package io.quipu.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class LockoutPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void locksOnTheFifthFailureInARow() {
        LockoutPolicy.State state = new LockoutPolicy.State(0, 0, null);
        for (int failure = 1; failure < 5; failure++) {
            state = LockoutPolicy.afterFailure(state, NOW);
            assertThat(state.isLocked(NOW)).isFalse();
            assertThat(state.consecutiveFailures()).isEqualTo(failure);
        }
        state = LockoutPolicy.afterFailure(state, NOW);
        assertThat(state.isLocked(NOW)).isTrue();
        assertThat(state.lockedUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(state.secondsUntilUnlocked(NOW)).isEqualTo(900);
        assertThat(state.isLocked(NOW.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void lockDoublesOnRepeatUpToADay() {
        assertThat(LockoutPolicy.lockDuration(0)).isEqualTo(Duration.ofMinutes(15));
        assertThat(LockoutPolicy.lockDuration(1)).isEqualTo(Duration.ofMinutes(30));
        assertThat(LockoutPolicy.lockDuration(2)).isEqualTo(Duration.ofHours(1));
        assertThat(LockoutPolicy.lockDuration(6)).isEqualTo(Duration.ofHours(16));
        assertThat(LockoutPolicy.lockDuration(7)).isEqualTo(Duration.ofHours(24));
        assertThat(LockoutPolicy.lockDuration(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void secondLockIsLongerAndSuccessForgives() {
        LockoutPolicy.State state = new LockoutPolicy.State(4, 1, NOW.minusSeconds(1));
        LockoutPolicy.State locked = LockoutPolicy.afterFailure(state, NOW);
        assertThat(locked.lockedUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        assertThat(locked.lockoutCount()).isEqualTo(2);
        assertThat(LockoutPolicy.afterSuccess()).isEqualTo(new LockoutPolicy.State(0, 0, null));
    }

    @Test
    void retryAfterRoundsUp() {
        LockoutPolicy.State state = new LockoutPolicy.State(0, 1, NOW.plusMillis(1500));
        assertThat(state.secondsUntilUnlocked(NOW)).isEqualTo(2);
    }
}

package io.quipu.identity.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Locks an account after {@link #MAX_CONSECUTIVE_FAILURES} failed passwords or one-time passwords in a row: 15 minutes
 * the first time, doubling with every lock that follows without a successful login in between, at most 24 hours.
 * Only a complete login (password and second factor) resets the count, so knowing the password alone does not buy
 * unlimited one-time-password guesses.
 */
public final class LockoutPolicy {

    public static final int MAX_CONSECUTIVE_FAILURES = 5;
    public static final Duration FIRST_LOCK = Duration.ofMinutes(15);
    public static final Duration LONGEST_LOCK = Duration.ofHours(24);

    private LockoutPolicy() {
    }

    /** A user's lockout state: failures in a row, locks since the last successful login, and the current lock's end. */
    public record State(int consecutiveFailures, int lockoutCount, Instant lockedUntil) {

        public boolean isLocked(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }

        /** Whole seconds until the lock ends, rounded up (for {@code Retry-After}). */
        public long secondsUntilUnlocked(Instant now) {
            if (!isLocked(now)) {
                return 0;
            }
            Duration left = Duration.between(now, lockedUntil);
            return left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
        }
    }

    /** The state after one more failure; {@link State#isLocked} tells whether it locked the account. */
    public static State afterFailure(State state, Instant now) {
        int failures = state.consecutiveFailures() + 1;
        if (failures < MAX_CONSECUTIVE_FAILURES) {
            return new State(failures, state.lockoutCount(), state.lockedUntil());
        }
        return new State(0, state.lockoutCount() + 1, now.plus(lockDuration(state.lockoutCount())));
    }

    /** A complete login forgives everything before it. */
    public static State afterSuccess() {
        return new State(0, 0, null);
    }

    /** The length of the lock that follows {@code previousLocks} earlier ones: 15 min, 30 min, 1 h, ... 24 h. */
    public static Duration lockDuration(int previousLocks) {
        if (previousLocks >= 7) { // 15 min × 2^7 = 32 h: already past the cap, and no overflow for large counts
            return LONGEST_LOCK;
        }
        Duration duration = FIRST_LOCK.multipliedBy(1L << Math.max(0, previousLocks));
        return duration.compareTo(LONGEST_LOCK) > 0 ? LONGEST_LOCK : duration;
    }
}

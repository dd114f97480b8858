package io.quipu.identity.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A forgotten password being replaced: a code sent by SMS to the user's phone, accepted once within {@link #LIFETIME}
 * and {@link OneTimePasswords#MAX_ATTEMPTS} tries. While the account is locked a single wrong code kills the reset: a
 * locked account's failures are not counted, so without this each reset would be five free guesses past the lock.
 */
public record PasswordReset(UUID id, UUID userId, byte[] otpHash, int otpAttempts, Status status, Instant expiresAt) {

    public static final Duration LIFETIME = Duration.ofMinutes(5);
    /** Resets waiting for a code at once, per user: each sends an SMS to someone who may not have asked for it. */
    public static final int MAX_PENDING_PER_USER = 3;

    public enum Status {
        PENDING, COMPLETED, FAILED
    }

    public boolean isUsable(Instant now) {
        return status == Status.PENDING && now.isBefore(expiresAt) && otpAttempts < OneTimePasswords.MAX_ATTEMPTS;
    }

    /** The outcome of presenting a code whose correctness is {@code codeMatches}; same rules as a login's code. */
    public LoginTransaction.Check check(boolean codeMatches, Instant now) {
        if (!isUsable(now)) {
            return LoginTransaction.Check.UNUSABLE;
        }
        if (codeMatches) {
            return LoginTransaction.Check.ACCEPTED;
        }
        return otpAttempts + 1 >= OneTimePasswords.MAX_ATTEMPTS ? LoginTransaction.Check.WRONG_AND_EXHAUSTED
                : LoginTransaction.Check.WRONG;
    }

    public int attemptsLeftAfterWrongCode() {
        return Math.max(0, OneTimePasswords.MAX_ATTEMPTS - otpAttempts - 1);
    }
}

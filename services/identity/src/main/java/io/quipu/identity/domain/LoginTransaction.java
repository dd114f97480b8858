package io.quipu.identity.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A login between the accepted password and the second factor: lives {@link #LIFETIME}, accepts its one-time password
 * once, and dies after {@link OneTimePasswords#MAX_ATTEMPTS} wrong ones.
 */
public record LoginTransaction(UUID id, UUID userId, byte[] otpHash, int otpAttempts, Status status, Instant expiresAt) {

    public static final Duration LIFETIME = Duration.ofMinutes(5);
    /** Logins waiting for a code at once, per user: each sends an SMS, and SMS cost money and annoy (SMS bombing). */
    public static final int MAX_PENDING_PER_USER = 3;

    public enum Status {
        PENDING, COMPLETED, FAILED
    }

    public enum Check {
        /** The code is right: the login is complete. */
        ACCEPTED,
        /** The code is wrong; tries are left. */
        WRONG,
        /** The code is wrong and it was the last try: the transaction is dead. */
        WRONG_AND_EXHAUSTED,
        /** Expired, used, or killed by earlier wrong codes: nothing can complete it. */
        UNUSABLE
    }

    public boolean isUsable(Instant now) {
        return status == Status.PENDING && now.isBefore(expiresAt) && otpAttempts < OneTimePasswords.MAX_ATTEMPTS;
    }

    /** The outcome of presenting a code whose correctness is {@code codeMatches}. */
    public Check check(boolean codeMatches, Instant now) {
        if (!isUsable(now)) {
            return Check.UNUSABLE;
        }
        if (codeMatches) {
            return Check.ACCEPTED;
        }
        return otpAttempts + 1 >= OneTimePasswords.MAX_ATTEMPTS ? Check.WRONG_AND_EXHAUSTED : Check.WRONG;
    }

    public int attemptsLeftAfterWrongCode() {
        return Math.max(0, OneTimePasswords.MAX_ATTEMPTS - otpAttempts - 1);
    }
}

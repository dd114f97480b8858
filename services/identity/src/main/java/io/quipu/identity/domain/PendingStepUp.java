package io.quipu.identity.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A payment waiting for its user's confirmation (PSD2 dynamic linking): bound to one {@link StepUpBinding}, lives
 * {@link #LIFETIME}, accepts its one-time password once and dies after {@link OneTimePasswords#MAX_ATTEMPTS} wrong ones.
 * Confirmed either by a code ({@code otpHash}) or by a passkey ({@code passkeyRequestJson}: the WebAuthn request with its
 * random challenge, stored with the binding); exactly one of the two is set.
 */
public record PendingStepUp(UUID id, UUID userId, StepUpBinding binding, byte[] otpHash, String passkeyRequestJson,
                            int otpAttempts, Status status, Instant expiresAt) {

    public static final Duration LIFETIME = Duration.ofMinutes(5);
    /** Step-ups waiting for a code at once, per user: each sends an SMS (cost, SMS bombing), as for logins. */
    public static final int MAX_PENDING_PER_USER = 3;

    public enum Status {
        PENDING, CONFIRMED, FAILED
    }

    public boolean isConfirmedByPasskey() {
        return passkeyRequestJson != null;
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

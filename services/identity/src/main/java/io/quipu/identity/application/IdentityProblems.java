package io.quipu.identity.application;

import org.springframework.http.HttpStatus;

import io.quipu.platform.web.ApiException;

/** The refusals of logins and tokens, each with its stable code. */
public final class IdentityProblems {

    private IdentityProblems() {
    }

    /** The same answer for an unknown username and a wrong password: nobody learns which usernames exist. */
    public static ApiException invalidCredentials() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "invalid_credentials", "The username or the password is wrong.");
    }

    public static ApiException invalidOtp(int attemptsLeft) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "invalid_otp",
                "The code is wrong; " + attemptsLeft + (attemptsLeft == 1 ? " try is" : " tries are") + " left.");
    }

    public static ApiException loginExpired() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "login_expired",
                "This login expired, was completed, or had too many wrong codes; log in again.");
    }

    public static ApiException invalidRefreshToken() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "invalid_refresh_token",
                "The refresh token is not valid; log in again.");
    }

    public static ApiException tooManyPendingLogins() {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_pending_logins",
                "Several codes were sent in the last minutes; use the newest one or wait a few minutes.");
    }

    public static ApiException otpDeliveryFailed() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "otp_delivery_failed",
                "The code could not be sent by SMS right now; try again in a moment.");
    }

    public static ApiException invalidPasskeyCredential() {
        return ApiException.badRequest("invalid_passkey_credential",
                "The credential is not the JSON of a WebAuthn credential as the browser returns it.");
    }

    public static ApiException passkeyChallengeExpired() {
        return ApiException.badRequest("passkey_challenge_expired",
                "This passkey challenge expired, was already answered, or does not exist; ask for new options.");
    }

    public static ApiException passkeyRegistrationRejected() {
        return ApiException.badRequest("passkey_rejected",
                "The passkey could not be verified (origin, challenge, user verification or attestation); try again.");
    }

    /** A failed assertion: wrong signature, someone else's passkey, a counter gone back, no user verification. */
    public static ApiException invalidPasskey(int attemptsLeft) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "invalid_passkey",
                "The passkey was not accepted; " + attemptsLeft + (attemptsLeft == 1 ? " try is" : " tries are") + " left.");
    }

    public static ApiException tooManyPasskeys(int maximum) {
        return ApiException.conflict("too_many_passkeys", "A user has at most " + maximum + " passkeys; delete one first.");
    }

    public static ApiException tooManyPendingPasskeyRegistrations() {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_pending_passkey_registrations",
                "Several passkey registrations are waiting; finish one or wait a few minutes.");
    }

    public static ApiException noPasskeyRegistered() {
        return ApiException.conflict("no_passkey_registered", "This user has no passkey; use the code sent by SMS.");
    }

    public static ApiException passkeyNotFound() {
        return ApiException.notFound("passkey_not_found", "No such passkey among yours.");
    }

    public static ApiException notAUserToken() {
        return ApiException.forbidden("user_token_required", "Passkeys belong to users: log in as a customer or staff user.");
    }

    public static ApiException tooManyPendingStepUps() {
        return new ApiException(HttpStatus.TOO_MANY_REQUESTS, "too_many_pending_step_ups",
                "Several payment confirmations are waiting; use the newest code or wait a few minutes.");
    }

    public static ApiException stepUpNotFound() {
        return ApiException.notFound("step_up_not_found", "No such payment confirmation among yours.");
    }

    /** 422, not 401: the caller's token is fine, only this confirmation attempt is wrong. */
    public static ApiException invalidStepUpOtp(int attemptsLeft) {
        return ApiException.unprocessable("invalid_otp",
                "The code is wrong; " + attemptsLeft + (attemptsLeft == 1 ? " try is" : " tries are") + " left.");
    }

    public static ApiException invalidStepUpPasskey(int attemptsLeft) {
        return ApiException.unprocessable("invalid_passkey",
                "The passkey was not accepted; " + attemptsLeft + (attemptsLeft == 1 ? " try is" : " tries are") + " left.");
    }

    public static ApiException stepUpFactorMismatch() {
        return ApiException.badRequest("step_up_factor_mismatch",
                "Answer with the factor the confirmation was started with (otp or credential).");
    }

    public static ApiException stepUpChallengeExpired() {
        return ApiException.unprocessable("step_up_challenge_expired",
                "This payment confirmation expired, was completed, or had too many wrong codes; start it again.");
    }

    public static ApiException stepUpInvalid() {
        return ApiException.unprocessable("step_up_invalid", "This is not a step-up authorization issued by Quipu.");
    }

    public static ApiException stepUpExpired() {
        return ApiException.unprocessable("step_up_expired", "The step-up authorization expired; the user must confirm again.");
    }

    public static ApiException stepUpBindingMismatch() {
        return ApiException.unprocessable("step_up_binding_mismatch",
                "The step-up authorization was confirmed for another payment id, amount or payee.");
    }

    public static ApiException stepUpAlreadyUsed() {
        return ApiException.conflict("step_up_already_used", "The step-up authorization was already used.");
    }

    /** 422, not 401: the caller's token is fine, only the current password given is wrong. */
    public static ApiException wrongCurrentPassword() {
        return ApiException.unprocessable("wrong_current_password", "The current password is wrong.");
    }

    public static ApiException resetExpired() {
        return new ApiException(HttpStatus.UNAUTHORIZED, "reset_expired",
                "This password reset expired, was completed, or had too many wrong codes; ask for a new code.");
    }

    /** 423 with the seconds until the lock ends, for the {@code Retry-After} header. */
    public static class AccountLockedException extends ApiException {
        private final long retryAfterSeconds;

        public AccountLockedException(long retryAfterSeconds) {
            super(HttpStatus.LOCKED, "account_locked",
                    "Too many failed attempts: the account is locked for " + retryAfterSeconds + " more seconds.");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}

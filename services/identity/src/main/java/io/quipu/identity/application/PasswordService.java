package io.quipu.identity.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.quipu.contracts.identity.IdentityContracts;
import io.quipu.contracts.identity.PasswordResetStarted;
import io.quipu.identity.clients.SmsAfterAnswer;
import io.quipu.identity.domain.LockoutPolicy;
import io.quipu.identity.domain.LoginTransaction;
import io.quipu.identity.domain.OneTimePasswords;
import io.quipu.identity.domain.PasswordPolicy;
import io.quipu.identity.domain.PasswordReset;
import io.quipu.identity.domain.Usernames;
import io.quipu.identity.events.AuthEventPublisher;
import io.quipu.identity.store.PasswordResetStore;
import io.quipu.identity.store.RefreshTokenStore;
import io.quipu.identity.store.UserRecord;
import io.quipu.identity.store.UserStore;
import io.quipu.platform.id.Ids;
import io.quipu.platform.web.ApiException;
import io.quipu.platform.web.FieldProblem;

/**
 * Changing a password (with the current one) and resetting a forgotten one (with a code sent by SMS). Both revoke every
 * refresh token of the user: whoever may have known the old password must not keep a session. Slow work (bcrypt, SMS)
 * runs outside database transactions.
 */
@Service
public class PasswordService {

    private final UserStore users;
    private final PasswordResetStore resets;
    private final RefreshTokenStore refreshTokens;
    private final PasswordPolicy passwordPolicy;
    private final PasswordHasher hasher;
    private final OneTimePasswords oneTimePasswords;
    private final SmsAfterAnswer smsAfterAnswer;
    private final Failures failures;
    private final AuthEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public PasswordService(UserStore users, PasswordResetStore resets, RefreshTokenStore refreshTokens,
                           PasswordPolicy passwordPolicy, PasswordHasher hasher, OneTimePasswords oneTimePasswords, SmsAfterAnswer smsAfterAnswer,
                           Failures failures, AuthEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.resets = resets;
        this.refreshTokens = refreshTokens;
        this.passwordPolicy = passwordPolicy;
        this.hasher = hasher;
        this.oneTimePasswords = oneTimePasswords;
        this.smsAfterAnswer = smsAfterAnswer;
        this.failures = failures;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The logged-in user replaces their password. A wrong current password counts toward lockout: a stolen access token
     * must not become a way to guess the password without limit.
     */
    public void change(UUID userId, String currentPassword, String newPassword, String sourceAddress) {
        Instant now = clock.instant();
        UserRecord user = users.find(userId).filter(UserRecord::isActive).orElseThrow(IdentityProblems::notAUserToken);
        if (user.lockout().isLocked(now)) {
            throw new IdentityProblems.AccountLockedException(user.lockout().secondsUntilUnlocked(now));
        }
        if (!hasher.matches(currentPassword, user.passwordHash())) {
            LockoutPolicy.State after = transactions.execute(status -> failures.record(
                    users.findForUpdate(userId).orElseThrow(), IdentityContracts.LOGIN_FAILED, "wrong_current_password", null,
                    sourceAddress, now));
            if (after.isLocked(now)) {
                throw new IdentityProblems.AccountLockedException(after.secondsUntilUnlocked(now));
            }
            throw IdentityProblems.wrongCurrentPassword();
        }
        requireAcceptable(newPassword, user.username());
        String newHash = hasher.hash(newPassword);
        transactions.executeWithoutResult(status -> {
            users.findForUpdate(userId).orElseThrow();
            users.updatePasswordHash(userId, newHash, now);
            refreshTokens.revokeAllOfUser(userId, now);
            events.publish(IdentityContracts.PASSWORD_CHANGED, user, null, null, null, null, sourceAddress, now);
        });
    }

    /**
     * Sends a reset code to the user's phone. The answer is the same for unknown, disabled and busy users (a random id
     * that never works), so it reveals nothing about who has an account.
     */
    public PasswordResetStarted startReset(String username, String sourceAddress) {
        Instant now = clock.instant();
        UUID resetId = Ids.newId();
        Optional<UserRecord> found = Usernames.isPlausible(username)
                ? users.findByUsername(Usernames.normalize(username)) : Optional.empty();
        if (found.isEmpty() || !found.get().isActive()) {
            return new PasswordResetStarted(resetId);
        }
        UserRecord user = found.get();
        String code = oneTimePasswords.generate();
        boolean started = Boolean.TRUE.equals(transactions.execute(status -> {
            users.findForUpdate(user.id()).orElseThrow(); // one reset decision per user at a time: the pending limit holds
            if (resets.countPending(user.id(), now) >= PasswordReset.MAX_PENDING_PER_USER) {
                return false; // silently: telling would reveal that the user exists
            }
            resets.insert(new PasswordReset(resetId, user.id(), oneTimePasswords.hash(resetId, code), 0,
                    PasswordReset.Status.PENDING, now.plus(PasswordReset.LIFETIME)), sourceAddress, now);
            events.publish(IdentityContracts.PASSWORD_RESET_REQUESTED, user, resetId, null, null, null, sourceAddress, now);
            return true;
        }));
        if (started) {
            // After the answer: waiting for the provider here would make a real user's answer slower than an unknown
            // one's. If it fails, nobody has this code; the answer was the same either way.
            smsAfterAnswer.send(user.phone(), "Quipu: tu codigo para cambiar tu contrasena es " + code
                    + ". Vence en 5 minutos. Si no lo pediste, ignora este mensaje.",
                    () -> transactions.executeWithoutResult(status -> resets.update(resetId, 0, PasswordReset.Status.FAILED)));
        }
        return new PasswordResetStarted(resetId);
    }

    private record Verification(LoginTransaction.Check check, LockoutPolicy.State lockout, int attemptsLeft) {
    }

    /** The code from the SMS and the new password: sets it, revokes every refresh token, and unlocks the account. */
    public void confirmReset(UUID resetId, String code, String newPassword, String sourceAddress) {
        Instant now = clock.instant();
        // Checked before the code and without spending a try: the rules are public, a weak password reveals nothing.
        Optional<PasswordReset> peeked = transactions.execute(status -> resets.findForUpdate(resetId));
        if (peeked.isEmpty()) {
            throw IdentityProblems.resetExpired();
        }
        UserRecord owner = users.find(peeked.get().userId()).orElseThrow(IdentityProblems::resetExpired);
        requireAcceptable(newPassword, owner.username());
        String newHash = hasher.hash(newPassword);

        Verification verification = transactions.execute(status -> {
            PasswordReset reset = resets.findForUpdate(resetId).orElse(null);
            if (reset == null || !reset.isUsable(now)) {
                return new Verification(LoginTransaction.Check.UNUSABLE, null, 0);
            }
            UserRecord user = users.findForUpdate(reset.userId()).orElseThrow();
            if (!user.isActive()) {
                resets.update(resetId, reset.otpAttempts(), PasswordReset.Status.FAILED);
                return new Verification(LoginTransaction.Check.UNUSABLE, null, 0);
            }
            LoginTransaction.Check check = reset.check(oneTimePasswords.matches(resetId, code, reset.otpHash()), now);
            switch (check) {
                case ACCEPTED -> {
                    resets.update(resetId, reset.otpAttempts(), PasswordReset.Status.COMPLETED);
                    resets.failOtherPending(user.id(), resetId);
                    users.updatePasswordHash(user.id(), newHash, now);
                    // Proving the phone and choosing a new password is a complete authentication: the lock ends.
                    users.saveLockout(user.id(), LockoutPolicy.afterSuccess(), now);
                    refreshTokens.revokeAllOfUser(user.id(), now);
                    events.publish(IdentityContracts.PASSWORD_RESET_COMPLETED, user, resetId, null, 0, null, sourceAddress, now);
                    return new Verification(check, null, 0);
                }
                case WRONG, WRONG_AND_EXHAUSTED -> {
                    boolean lockedBefore = user.lockout().isLocked(now);
                    LockoutPolicy.State after = failures.record(user, IdentityContracts.PASSWORD_RESET_FAILED,
                            check == LoginTransaction.Check.WRONG_AND_EXHAUSTED ? "otp_attempts_exhausted" : "wrong_otp", resetId,
                            sourceAddress, now);
                    // While locked, one wrong code ends the reset (see PasswordReset); a lock that starts now ends it too.
                    boolean dies = check == LoginTransaction.Check.WRONG_AND_EXHAUSTED || lockedBefore || after.isLocked(now);
                    resets.update(resetId, reset.otpAttempts() + 1, dies ? PasswordReset.Status.FAILED : PasswordReset.Status.PENDING);
                    return new Verification(dies ? LoginTransaction.Check.WRONG_AND_EXHAUSTED : LoginTransaction.Check.WRONG,
                            lockedBefore ? null : after, reset.attemptsLeftAfterWrongCode());
                }
                default -> {
                    return new Verification(LoginTransaction.Check.UNUSABLE, null, 0);
                }
            }
        });
        if (verification.lockout() != null && verification.lockout().isLocked(now)) {
            throw new IdentityProblems.AccountLockedException(verification.lockout().secondsUntilUnlocked(now));
        }
        switch (verification.check()) {
            case ACCEPTED -> {
            }
            case WRONG -> throw IdentityProblems.invalidOtp(verification.attemptsLeft());
            default -> throw IdentityProblems.resetExpired();
        }
    }

    private void requireAcceptable(String password, String username) {
        Optional<PasswordPolicy.Violation> violation = passwordPolicy.check(password, username);
        if (violation.isPresent()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "weak_password", "The password does not follow the password rules.",
                    List.of(new FieldProblem("newPassword", violation.get().code(), violation.get().message())));
        }
    }
}

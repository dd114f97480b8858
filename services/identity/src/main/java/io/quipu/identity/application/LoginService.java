package io.quipu.identity.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.quipu.contracts.identity.IdentityContracts;
import io.quipu.contracts.identity.LoginChallenge;
import io.quipu.contracts.identity.TokenResponse;
import io.quipu.identity.clients.SmsGateway;
import io.quipu.identity.domain.LockoutPolicy;
import io.quipu.identity.domain.LoginTransaction;
import io.quipu.identity.domain.OneTimePasswords;
import io.quipu.identity.domain.Usernames;
import io.quipu.identity.events.AuthEventPublisher;
import io.quipu.identity.store.LoginTransactionStore;
import io.quipu.identity.store.UserRecord;
import io.quipu.identity.store.UserStore;
import io.quipu.platform.id.Ids;

/**
 * The login: password, then a one-time password by SMS, then tokens. Slow work (bcrypt, the SMS) runs outside database
 * transactions; every state change commits with its event, and a refusal is thrown only after its failure committed.
 */
@Service
public class LoginService {

    static final List<String> FACTORS = List.of("otp", "passkey");

    private final UserStore users;
    private final LoginTransactionStore logins;
    private final PasswordHasher hasher;
    private final OneTimePasswords oneTimePasswords;
    private final SmsGateway sms;
    private final TokenService tokens;
    private final Failures failures;
    private final AuthEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public LoginService(UserStore users, LoginTransactionStore logins, PasswordHasher hasher, OneTimePasswords oneTimePasswords,
                        SmsGateway sms, TokenService tokens, Failures failures, AuthEventPublisher events,
                        TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.logins = logins;
        this.hasher = hasher;
        this.oneTimePasswords = oneTimePasswords;
        this.sms = sms;
        this.tokens = tokens;
        this.failures = failures;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Step 1: checks the password; on success starts a login transaction and sends its code by SMS. */
    public LoginChallenge start(String username, String password, String sourceAddress) {
        Instant now = clock.instant();
        Optional<UserRecord> found = Usernames.isPlausible(username)
                ? users.findByUsername(Usernames.normalize(username)) : Optional.empty();
        if (found.isEmpty() || !found.get().isActive()) {
            hasher.matchesNothing();
            UserRecord disabled = found.orElse(null);
            transactions.executeWithoutResult(status -> events.publish(IdentityContracts.LOGIN_FAILED, disabled, null,
                    disabled == null ? "unknown_user" : "user_disabled", null, null, sourceAddress, now));
            throw IdentityProblems.invalidCredentials();
        }
        UserRecord user = found.get();
        if (user.lockout().isLocked(now)) {
            // No password check while locked: the lock would otherwise still answer "right" or "wrong" to guesses.
            hasher.matchesNothing();
            transactions.executeWithoutResult(status -> events.publish(IdentityContracts.LOGIN_FAILED, user, null,
                    "account_locked", null, user.lockout().lockedUntil(), sourceAddress, now));
            throw new IdentityProblems.AccountLockedException(user.lockout().secondsUntilUnlocked(now));
        }
        if (!hasher.matches(password, user.passwordHash())) {
            LockoutPolicy.State after = transactions.execute(status -> failures.record(
                    users.findForUpdate(user.id()).orElseThrow(), IdentityContracts.LOGIN_FAILED, "wrong_password", null,
                    sourceAddress, now));
            if (after.isLocked(now)) {
                throw new IdentityProblems.AccountLockedException(after.secondsUntilUnlocked(now));
            }
            throw IdentityProblems.invalidCredentials();
        }

        UUID loginId = Ids.newId();
        String code = oneTimePasswords.generate();
        LockoutPolicy.State lockedMeanwhile = transactions.execute(status -> {
            UserRecord current = users.findForUpdate(user.id()).orElseThrow();
            if (current.lockout().isLocked(now)) {
                return current.lockout(); // locked by a concurrent failure since we read the user
            }
            if (logins.countPending(user.id(), now) >= LoginTransaction.MAX_PENDING_PER_USER) {
                throw IdentityProblems.tooManyPendingLogins(); // nothing written: rolling back is right
            }
            logins.insert(new LoginTransaction(loginId, user.id(), oneTimePasswords.hash(loginId, code), 0,
                    LoginTransaction.Status.PENDING, now.plus(LoginTransaction.LIFETIME)), sourceAddress, now);
            return null;
        });
        if (lockedMeanwhile != null) {
            throw new IdentityProblems.AccountLockedException(lockedMeanwhile.secondsUntilUnlocked(now));
        }
        try {
            sms.send(user.phone(), "Quipu: tu codigo de acceso es " + code + ". Vence en 5 minutos. No lo compartas con nadie.");
        } catch (SmsGateway.SmsDeliveryException e) {
            // Nobody has this code: the transaction must not count as pending nor be completable.
            transactions.executeWithoutResult(status -> logins.update(loginId, 0, LoginTransaction.Status.FAILED));
            throw IdentityProblems.otpDeliveryFailed();
        }
        return new LoginChallenge(loginId, true, FACTORS);
    }

    private record Verification(LoginTransaction.Check check, UserRecord user, String refreshToken,
                                LockoutPolicy.State lockout, int attemptsLeft) {
    }

    /** Step 2: the code from the SMS; right once within 5 minutes and 5 tries gives tokens. */
    public TokenResponse verifyOtp(UUID loginId, String code, String sourceAddress) {
        Instant now = clock.instant();
        Verification verification = verify(loginId, code, sourceAddress, now, true);
        return tokens.tokenResponse(verification.user(), verification.refreshToken(), now);
    }

    /**
     * Step 2 on the authorization server's login page (authorization code flow): the same checks and the same end of the
     * login transaction, but the browser session carries the login and the authorization server issues the tokens.
     */
    public UserRecord verifyOtpForSession(UUID loginId, String code, String sourceAddress) {
        return verify(loginId, code, sourceAddress, clock.instant(), false).user();
    }

    private Verification verify(UUID loginId, String code, String sourceAddress, Instant now, boolean startRefreshFamily) {
        Verification verification = transactions.execute(status -> {
            LoginTransaction login = logins.findForUpdate(loginId).orElse(null);
            if (login == null || !login.isUsable(now)) {
                return new Verification(LoginTransaction.Check.UNUSABLE, null, null, null, 0);
            }
            UserRecord user = users.findForUpdate(login.userId()).orElseThrow();
            if (!user.isActive()) {
                logins.update(loginId, login.otpAttempts(), LoginTransaction.Status.FAILED);
                return new Verification(LoginTransaction.Check.UNUSABLE, null, null, null, 0);
            }
            if (user.lockout().isLocked(now)) {
                // Locked by failures elsewhere since the password was accepted: this login dies with the lock.
                logins.update(loginId, login.otpAttempts(), LoginTransaction.Status.FAILED);
                return new Verification(LoginTransaction.Check.WRONG_AND_EXHAUSTED, user, null, user.lockout(), 0);
            }
            LoginTransaction.Check check = login.check(oneTimePasswords.matches(loginId, code, login.otpHash()), now);
            switch (check) {
                case ACCEPTED -> {
                    logins.update(loginId, login.otpAttempts(), LoginTransaction.Status.COMPLETED);
                    users.saveLockout(user.id(), LockoutPolicy.afterSuccess(), now);
                    events.publish(IdentityContracts.LOGIN_SUCCEEDED, user, loginId, null, 0, null, sourceAddress, now);
                    return new Verification(check, user, startRefreshFamily ? tokens.startFamily(user, now) : null, null, 0);
                }
                case WRONG, WRONG_AND_EXHAUSTED -> {
                    boolean exhausted = check == LoginTransaction.Check.WRONG_AND_EXHAUSTED;
                    logins.update(loginId, login.otpAttempts() + 1,
                            exhausted ? LoginTransaction.Status.FAILED : LoginTransaction.Status.PENDING);
                    LockoutPolicy.State after = failures.record(user, IdentityContracts.OTP_FAILED,
                            exhausted ? "otp_attempts_exhausted" : "wrong_otp", loginId, sourceAddress, now);
                    return new Verification(check, user, null, after, login.attemptsLeftAfterWrongCode());
                }
                default -> {
                    return new Verification(LoginTransaction.Check.UNUSABLE, null, null, null, 0);
                }
            }
        });
        if (verification.lockout() != null && verification.lockout().isLocked(now)) {
            throw new IdentityProblems.AccountLockedException(verification.lockout().secondsUntilUnlocked(now));
        }
        return switch (verification.check()) {
            case ACCEPTED -> verification;
            case WRONG -> throw IdentityProblems.invalidOtp(verification.attemptsLeft());
            case WRONG_AND_EXHAUSTED, UNUSABLE -> throw IdentityProblems.loginExpired();
        };
    }
}

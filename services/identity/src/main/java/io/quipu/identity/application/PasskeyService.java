package io.quipu.identity.application;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.yubico.webauthn.AssertionRequest;
import com.yubico.webauthn.AssertionResult;
import com.yubico.webauthn.FinishAssertionOptions;
import com.yubico.webauthn.FinishRegistrationOptions;
import com.yubico.webauthn.RegistrationResult;
import com.yubico.webauthn.RelyingParty;
import com.yubico.webauthn.StartAssertionOptions;
import com.yubico.webauthn.StartRegistrationOptions;
import com.yubico.webauthn.data.AuthenticatorAssertionResponse;
import com.yubico.webauthn.data.AuthenticatorAttestationResponse;
import com.yubico.webauthn.data.AuthenticatorSelectionCriteria;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.ClientAssertionExtensionOutputs;
import com.yubico.webauthn.data.ClientRegistrationExtensionOutputs;
import com.yubico.webauthn.data.PublicKeyCredential;
import com.yubico.webauthn.data.PublicKeyCredentialCreationOptions;
import com.yubico.webauthn.data.ResidentKeyRequirement;
import com.yubico.webauthn.data.UserIdentity;
import com.yubico.webauthn.data.UserVerificationRequirement;
import com.yubico.webauthn.exception.AssertionFailedException;
import com.yubico.webauthn.exception.RegistrationFailedException;

import io.quipu.contracts.identity.IdentityContracts;
import io.quipu.contracts.identity.TokenResponse;
import io.quipu.identity.domain.LockoutPolicy;
import io.quipu.identity.domain.LoginTransaction;
import io.quipu.identity.domain.Passkeys;
import io.quipu.identity.events.AuthEventPublisher;
import io.quipu.identity.store.LoginTransactionStore;
import io.quipu.identity.store.PasskeyStore;
import io.quipu.identity.store.UserRecord;
import io.quipu.identity.store.UserStore;
import io.quipu.platform.id.Ids;
import io.quipu.platform.web.ApiException;

/**
 * Passkeys (WebAuthn): registration by a logged-in user, and the passkey as the second factor of a login instead of the
 * SMS code. Yubico's library checks challenge, origin, relying party id, signature, user verification and counter; this
 * class keeps the challenges (PostgreSQL, 5 minutes, answered once) and the login's rules (attempts, lockout, events).
 */
@Service
public class PasskeyService {

    /** What a browser needs to call {@code navigator.credentials.create/get}; {@code publicKeyJson} is WebAuthn JSON. */
    public record Options(UUID challengeId, String publicKeyJson) {
    }

    private final RelyingParty relyingParty;
    private final PasskeyStore passkeys;
    private final UserStore users;
    private final LoginTransactionStore logins;
    private final TokenService tokens;
    private final Failures failures;
    private final AuthEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public PasskeyService(RelyingParty relyingParty, PasskeyStore passkeys, UserStore users, LoginTransactionStore logins,
                          TokenService tokens, Failures failures, AuthEventPublisher events, TransactionTemplate transactions,
                          Clock clock) {
        this.relyingParty = relyingParty;
        this.passkeys = passkeys;
        this.users = users;
        this.logins = logins;
        this.tokens = tokens;
        this.failures = failures;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    // --- registration -----------------------------------------------------------------------------------------------

    /** Options for {@code navigator.credentials.create}: user verification required, the user's passkeys excluded. */
    public Options startRegistration(UUID userId) {
        Instant now = clock.instant();
        return transactions.execute(status -> {
            UserRecord user = activeUserForUpdate(userId);
            if (passkeys.countByUser(userId) >= Passkeys.MAX_PER_USER) {
                throw IdentityProblems.tooManyPasskeys(Passkeys.MAX_PER_USER);
            }
            if (passkeys.countPendingRegistrations(userId, now) >= Passkeys.MAX_PENDING_REGISTRATIONS_PER_USER) {
                throw IdentityProblems.tooManyPendingPasskeyRegistrations();
            }
            PublicKeyCredentialCreationOptions options = relyingParty.startRegistration(StartRegistrationOptions.builder()
                    .user(UserIdentity.builder().name(user.username()).displayName(user.username())
                            .id(new ByteArray(Passkeys.userHandle(user.id()))).build())
                    .authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                            .residentKey(ResidentKeyRequirement.PREFERRED)
                            .userVerification(UserVerificationRequirement.REQUIRED).build())
                    .timeout(Passkeys.BROWSER_TIMEOUT_MILLISECONDS)
                    .build());
            UUID challengeId = Ids.newId();
            passkeys.insertChallenge(challengeId, userId, null, PasskeyStore.REGISTRATION, json(options::toJson), now,
                    now.plus(Passkeys.CHALLENGE_LIFETIME));
            return new Options(challengeId, json(options::toCredentialsCreateJson));
        });
    }

    private record Registration(PasskeyStore.StoredPasskey passkey, ApiException refusal) {
    }

    /** Verifies the browser's answer to a registration challenge and stores the passkey. The challenge is spent either way. */
    public PasskeyStore.StoredPasskey finishRegistration(UUID userId, UUID challengeId, String label, String credentialJson,
                                                          String sourceAddress) {
        Instant now = clock.instant();
        String normalizedLabel = Passkeys.normalizeLabel(label).orElseThrow(() -> ApiException.invalidField("label",
                "too_long", "At most " + Passkeys.MAX_LABEL_LENGTH + " characters."));
        PublicKeyCredential<AuthenticatorAttestationResponse, ClientRegistrationExtensionOutputs> credential;
        try {
            credential = PublicKeyCredential.parseRegistrationResponseJson(credentialJson);
        } catch (IOException | RuntimeException e) {
            throw IdentityProblems.invalidPasskeyCredential();
        }
        Registration registration = transactions.execute(status -> {
            UserRecord user = activeUserForUpdate(userId);
            PasskeyStore.StoredChallenge challenge = passkeys.findChallengeForUpdate(challengeId, PasskeyStore.REGISTRATION)
                    .filter(found -> found.userId().equals(userId))
                    .filter(found -> Passkeys.isChallengeUsable(found.expiresAt(), found.consumedAt(), now))
                    .orElse(null);
            if (challenge == null) {
                return new Registration(null, IdentityProblems.passkeyChallengeExpired());
            }
            passkeys.consumeChallenge(challenge.id(), now);
            if (passkeys.countByUser(userId) >= Passkeys.MAX_PER_USER) {
                return new Registration(null, IdentityProblems.tooManyPasskeys(Passkeys.MAX_PER_USER));
            }
            RegistrationResult result;
            try {
                result = relyingParty.finishRegistration(FinishRegistrationOptions.builder()
                        .request(PublicKeyCredentialCreationOptions.fromJson(challenge.requestJson()))
                        .response(credential).build());
            } catch (RegistrationFailedException | JsonProcessingException | RuntimeException e) {
                return new Registration(null, IdentityProblems.passkeyRegistrationRejected());
            }
            UUID id = Ids.newId();
            passkeys.insert(id, userId, result.getKeyId().getId().getBytes(), Passkeys.userHandle(userId),
                    result.getPublicKeyCose().getBytes(), result.getSignatureCount(), normalizedLabel, now);
            events.publish(AuthEventPublisher.PASSKEY_REGISTERED, user, null, null, null, null, sourceAddress, now);
            return new Registration(passkeys.findByCredentialId(result.getKeyId().getId().getBytes()).orElseThrow(), null);
        });
        if (registration.refusal() != null) {
            throw registration.refusal();
        }
        return registration.passkey();
    }

    public List<PasskeyStore.StoredPasskey> list(UUID userId) {
        return passkeys.findByUser(userId);
    }

    public void delete(UUID userId, UUID passkeyId) {
        if (!passkeys.delete(passkeyId, userId)) {
            throw IdentityProblems.passkeyNotFound();
        }
    }

    // --- login ------------------------------------------------------------------------------------------------------

    /**
     * Options for {@code navigator.credentials.get} for a login whose password was accepted: the user's passkeys, user
     * verification required. Earlier options of the same login stop being answerable.
     */
    public Options startAssertion(UUID loginId) {
        Instant now = clock.instant();
        return transactions.execute(status -> {
            LoginTransaction login = logins.findForUpdate(loginId).orElse(null);
            if (login == null || !login.isUsable(now)) {
                throw IdentityProblems.loginExpired();
            }
            UserRecord user = users.find(login.userId()).orElseThrow();
            if (!user.isActive()) {
                throw IdentityProblems.loginExpired();
            }
            if (user.lockout().isLocked(now)) {
                throw new IdentityProblems.AccountLockedException(user.lockout().secondsUntilUnlocked(now));
            }
            if (passkeys.countByUser(user.id()) == 0) {
                throw IdentityProblems.noPasskeyRegistered();
            }
            passkeys.consumeAssertionChallenges(loginId, now);
            AssertionRequest request = relyingParty.startAssertion(StartAssertionOptions.builder()
                    .username(user.username())
                    .userVerification(UserVerificationRequirement.REQUIRED)
                    .timeout(Passkeys.BROWSER_TIMEOUT_MILLISECONDS)
                    .build());
            UUID challengeId = Ids.newId();
            passkeys.insertChallenge(challengeId, user.id(), loginId, PasskeyStore.ASSERTION, json(request::toJson), now,
                    now.plus(Passkeys.CHALLENGE_LIFETIME));
            return new Options(challengeId, json(request::toCredentialsGetJson));
        });
    }

    private enum Outcome {
        ACCEPTED, WRONG, CHALLENGE_EXPIRED, UNUSABLE
    }

    private record Verification(Outcome outcome, UserRecord user, String refreshToken, LockoutPolicy.State lockout,
                                int attemptsLeft) {
    }

    /**
     * The browser's answer to the login's newest challenge. Accepted: the login completes and tokens are issued exactly
     * as after a right code. Refused: one attempt of the login and one failure toward the user's lockout, as a wrong code.
     */
    public TokenResponse finishAssertion(UUID loginId, String credentialJson, String sourceAddress) {
        Instant now = clock.instant();
        PublicKeyCredential<AuthenticatorAssertionResponse, ClientAssertionExtensionOutputs> credential;
        try {
            credential = PublicKeyCredential.parseAssertionResponseJson(credentialJson);
        } catch (IOException | RuntimeException e) {
            throw IdentityProblems.invalidPasskeyCredential();
        }
        Verification verification = transactions.execute(status -> {
            LoginTransaction login = logins.findForUpdate(loginId).orElse(null);
            if (login == null || !login.isUsable(now)) {
                return new Verification(Outcome.UNUSABLE, null, null, null, 0);
            }
            UserRecord user = users.findForUpdate(login.userId()).orElseThrow();
            if (!user.isActive()) {
                logins.update(loginId, login.otpAttempts(), LoginTransaction.Status.FAILED);
                return new Verification(Outcome.UNUSABLE, null, null, null, 0);
            }
            if (user.lockout().isLocked(now)) {
                logins.update(loginId, login.otpAttempts(), LoginTransaction.Status.FAILED);
                return new Verification(Outcome.UNUSABLE, user, null, user.lockout(), 0);
            }
            PasskeyStore.StoredChallenge challenge = passkeys.findLatestAssertionForUpdate(loginId)
                    .filter(found -> Passkeys.isChallengeUsable(found.expiresAt(), found.consumedAt(), now))
                    .orElse(null);
            if (challenge == null) {
                return new Verification(Outcome.CHALLENGE_EXPIRED, null, null, null, 0);
            }
            passkeys.consumeChallenge(challenge.id(), now); // answered once, whatever the answer
            AssertionResult result = verify(challenge, credential);
            boolean accepted = result != null && result.isSuccess() && result.isUserVerified()
                    && user.username().equals(result.getUsername());
            LoginTransaction.Check check = login.check(accepted, now);
            if (check == LoginTransaction.Check.ACCEPTED) {
                logins.update(loginId, login.otpAttempts(), LoginTransaction.Status.COMPLETED);
                passkeys.recordUse(result.getCredentialId().getBytes(), result.getSignatureCount(), now);
                users.saveLockout(user.id(), LockoutPolicy.afterSuccess(), now);
                events.publish(IdentityContracts.LOGIN_SUCCEEDED, user, loginId, AuthEventPublisher.FACTOR_PASSKEY, 0, null,
                        sourceAddress, now);
                return new Verification(Outcome.ACCEPTED, user, tokens.startFamily(user, now), null, 0);
            }
            boolean exhausted = check == LoginTransaction.Check.WRONG_AND_EXHAUSTED;
            logins.update(loginId, login.otpAttempts() + 1,
                    exhausted ? LoginTransaction.Status.FAILED : LoginTransaction.Status.PENDING);
            LockoutPolicy.State after = failures.record(user, IdentityContracts.PASSKEY_FAILED,
                    exhausted ? "passkey_attempts_exhausted" : "wrong_passkey", loginId, sourceAddress, now);
            return new Verification(exhausted ? Outcome.UNUSABLE : Outcome.WRONG, user, null, after,
                    login.attemptsLeftAfterWrongCode());
        });
        if (verification.lockout() != null && verification.lockout().isLocked(now)) {
            throw new IdentityProblems.AccountLockedException(verification.lockout().secondsUntilUnlocked(now));
        }
        return switch (verification.outcome()) {
            case ACCEPTED -> tokens.tokenResponse(verification.user(), verification.refreshToken(), now);
            case WRONG -> throw IdentityProblems.invalidPasskey(verification.attemptsLeft());
            case CHALLENGE_EXPIRED -> throw IdentityProblems.passkeyChallengeExpired();
            case UNUSABLE -> throw IdentityProblems.loginExpired();
        };
    }

    // --- step-up for payments ---------------------------------------------------------------------------------------

    /** The WebAuthn request of a step-up: {@code requestJson} is stored with the binding, {@code publicKeyJson} goes to the browser. */
    public record StepUpRequestOptions(String requestJson, String publicKeyJson) {
    }

    /** Request options over the user's passkeys, user verification required, with a fresh random challenge. */
    StepUpRequestOptions startStepUpAssertion(UserRecord user) {
        if (passkeys.countByUser(user.id()) == 0) {
            throw IdentityProblems.noPasskeyRegistered();
        }
        AssertionRequest request = relyingParty.startAssertion(StartAssertionOptions.builder()
                .username(user.username())
                .userVerification(UserVerificationRequirement.REQUIRED)
                .timeout(Passkeys.BROWSER_TIMEOUT_MILLISECONDS)
                .build());
        return new StepUpRequestOptions(json(request::toJson), json(request::toCredentialsGetJson));
    }

    /**
     * Whether the answer signs the stored request's challenge with one of this user's passkeys, user verified. On
     * success the passkey's counter and last use are recorded. Runs in the caller's transaction.
     */
    boolean verifyStepUpAssertion(UserRecord user, String requestJson, String credentialJson, Instant now) {
        PublicKeyCredential<AuthenticatorAssertionResponse, ClientAssertionExtensionOutputs> credential;
        try {
            credential = PublicKeyCredential.parseAssertionResponseJson(credentialJson);
        } catch (IOException | RuntimeException e) {
            throw IdentityProblems.invalidPasskeyCredential();
        }
        AssertionResult result;
        try {
            result = relyingParty.finishAssertion(FinishAssertionOptions.builder()
                    .request(AssertionRequest.fromJson(requestJson))
                    .response(credential).build());
        } catch (AssertionFailedException | JsonProcessingException | RuntimeException e) {
            return false;
        }
        boolean accepted = result.isSuccess() && result.isUserVerified() && user.username().equals(result.getUsername());
        if (accepted) {
            passkeys.recordUse(result.getCredentialId().getBytes(), result.getSignatureCount(), now);
        }
        return accepted;
    }

    /** Null when the library refuses: another user's passkey, wrong signature, origin or rp id, counter gone back. */
    private AssertionResult verify(PasskeyStore.StoredChallenge challenge,
                                   PublicKeyCredential<AuthenticatorAssertionResponse, ClientAssertionExtensionOutputs> credential) {
        try {
            return relyingParty.finishAssertion(FinishAssertionOptions.builder()
                    .request(AssertionRequest.fromJson(challenge.requestJson()))
                    .response(credential).build());
        } catch (AssertionFailedException | JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    private UserRecord activeUserForUpdate(UUID userId) {
        return users.findForUpdate(userId).filter(UserRecord::isActive).orElseThrow(IdentityProblems::notAUserToken);
    }

    private interface JsonWriter {
        String write() throws JsonProcessingException;
    }

    private static String json(JsonWriter writer) {
        try {
            return writer.write();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("WebAuthn options could not be written as JSON", e);
        }
    }
}

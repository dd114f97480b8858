package io.quipu.identity.application;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import io.quipu.contracts.identity.IdentityContracts;
import io.quipu.contracts.identity.StepUpAuthorization;
import io.quipu.contracts.identity.StepUpChallenge;
import io.quipu.contracts.identity.StepUpRedemption;
import io.quipu.identity.clients.SmsGateway;
import io.quipu.identity.domain.LockoutPolicy;
import io.quipu.identity.domain.LoginTransaction;
import io.quipu.identity.domain.OneTimePasswords;
import io.quipu.identity.domain.PendingStepUp;
import io.quipu.identity.domain.StepUpBinding;
import io.quipu.identity.events.AuthEventPublisher;
import io.quipu.identity.store.StepUpStore;
import io.quipu.identity.store.UserRecord;
import io.quipu.identity.store.UserStore;
import io.quipu.platform.id.Ids;
import io.quipu.platform.money.Money;
import io.quipu.platform.security.CurrentCaller;
import io.quipu.platform.web.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Step-up for payments (PSD2 dynamic linking): a logged-in user confirms one payment (id, amount, payee) with a code
 * sent by SMS that states the amount and the payee; the answer is a short-lived signed authorization bound to exactly that
 * payment, which the payments service redeems once. Slow work (the SMS) runs outside database transactions; every state
 * change commits with its event, as in {@link LoginService}.
 */
@Service
public class StepUpService {

    public static final String FACTOR_OTP = "otp";
    public static final String FACTOR_PASSKEY = "passkey";
    /** How long a confirmed authorization can be redeemed: long enough to submit the payment, short enough to be useless later. */
    public static final Duration AUTHORIZATION_LIFETIME = Duration.ofMinutes(5);
    /** JOSE header {@code typ} of step-up authorizations: no access-token validator takes them for an access token. */
    public static final String TOKEN_TYPE = "step-up+jwt";
    public static final String TOKEN_USE_CLAIM = "token_use";
    public static final String TOKEN_USE = "step_up";
    /** The only audience of step-up authorizations: the service that executes payments. */
    public static final String AUDIENCE = "payments";

    private final UserStore users;
    private final StepUpStore stepUps;
    private final OneTimePasswords oneTimePasswords;
    private final SmsGateway sms;
    private final Failures failures;
    private final AuthEventPublisher events;
    private final TransactionTemplate transactions;
    private final JwtEncoder encoder;
    private final SigningKeys signingKeys;
    private final DefaultJWTProcessor<SecurityContext> verifier;
    private final String issuer;
    private final PasskeyService passkeys;
    private final JsonMapper json;
    private final Clock clock;

    public StepUpService(UserStore users, StepUpStore stepUps, OneTimePasswords oneTimePasswords, SmsGateway sms,
                         Failures failures, AuthEventPublisher events, TransactionTemplate transactions, JwtEncoder encoder,
                         SigningKeys signingKeys, @Value("${quipu.security.issuer}") String issuer, PasskeyService passkeys,
                         JsonMapper json, Clock clock) {
        this.users = users;
        this.stepUps = stepUps;
        this.oneTimePasswords = oneTimePasswords;
        this.sms = sms;
        this.failures = failures;
        this.events = events;
        this.transactions = transactions;
        this.encoder = encoder;
        this.signingKeys = signingKeys;
        this.issuer = issuer;
        this.passkeys = passkeys;
        this.json = json;
        this.clock = clock;
        this.verifier = new DefaultJWTProcessor<>();
        verifier.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, signingKeys));
        verifier.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(TOKEN_TYPE)));
        // Claims are checked below, with the service's clock, so that expiry has its own precise answer.
        verifier.setJWTClaimsSetVerifier((claims, context) -> {
        });
    }

    /**
     * Starts a step-up for the caller's payment: with {@code otp} sends a code by SMS that states the amount and the payee;
     * with {@code passkey} returns WebAuthn request options whose random challenge is stored with the binding.
     */
    public StepUpChallenge request(UUID userId, UUID paymentId, Money amount, String payee, String factor, String sourceAddress) {
        boolean byPasskey = FACTOR_PASSKEY.equals(factor);
        if (!byPasskey && !FACTOR_OTP.equals(factor)) {
            throw ApiException.invalidField("factor", "unsupported_factor", "otp or passkey");
        }
        StepUpBinding binding = binding(paymentId, amount, payee);
        Instant now = clock.instant();
        UUID stepUpId = Ids.newId();
        String code = byPasskey ? null : oneTimePasswords.generate();
        Instant expiresAt = now.plus(PendingStepUp.LIFETIME);
        record Started(UserRecord user, String publicKeyJson) {
        }
        Started started = transactions.execute(status -> {
            UserRecord current = users.findForUpdate(userId).filter(UserRecord::isActive)
                    .orElseThrow(IdentityProblems::notAUserToken);
            if (current.lockout().isLocked(now)) {
                throw new IdentityProblems.AccountLockedException(current.lockout().secondsUntilUnlocked(now));
            }
            if (stepUps.countPending(userId, now) >= PendingStepUp.MAX_PENDING_PER_USER) {
                throw IdentityProblems.tooManyPendingStepUps();
            }
            PasskeyService.StepUpRequestOptions options = byPasskey ? passkeys.startStepUpAssertion(current) : null;
            stepUps.insert(new PendingStepUp(stepUpId, userId, binding, byPasskey ? null : oneTimePasswords.hash(stepUpId, code),
                    byPasskey ? options.requestJson() : null, 0, PendingStepUp.Status.PENDING, expiresAt), factor, sourceAddress, now);
            events.publish(IdentityContracts.STEP_UP_REQUESTED, current, stepUpId, factor, null, null, sourceAddress, now);
            return new Started(current, byPasskey ? options.publicKeyJson() : null);
        });
        if (byPasskey) {
            // The library writes {"publicKey": {...}}, what navigator.credentials.get takes.
            return new StepUpChallenge(stepUpId, factor, expiresAt, json.readTree(started.publicKeyJson()).get("publicKey"));
        }
        try {
            sms.send(started.user().phone(), binding.smsText(code));
        } catch (SmsGateway.SmsDeliveryException e) {
            // Nobody has this code: the step-up must not count as pending nor be confirmable.
            transactions.executeWithoutResult(status -> stepUps.update(stepUpId, 0, PendingStepUp.Status.FAILED));
            throw IdentityProblems.otpDeliveryFailed();
        }
        return new StepUpChallenge(stepUpId, factor, expiresAt, null);
    }

    private record Confirmation(LoginTransaction.Check check, UserRecord user, StepUpBinding binding,
                                LockoutPolicy.State lockout, int attemptsLeft) {
    }

    /**
     * The code of the step-up's SMS, or the passkey's answer to its challenge: right once, within 5 minutes and 5 tries,
     * gives the payment's authorization. A refused passkey counts like a wrong code.
     */
    public StepUpAuthorization confirm(UUID userId, UUID stepUpId, String code, JsonNode credential, String sourceAddress) {
        if ((code == null) == (credential == null)) {
            throw ApiException.badRequest("validation_failed", "Send either otp or credential.");
        }
        if (credential != null && !credential.isObject()) {
            throw IdentityProblems.invalidPasskeyCredential();
        }
        Instant now = clock.instant();
        Confirmation confirmation = transactions.execute(status -> {
            PendingStepUp challenge = stepUps.findForUpdate(stepUpId).orElse(null);
            if (challenge == null || !challenge.userId().equals(userId)) {
                throw IdentityProblems.stepUpNotFound(); // someone else's step-up does not exist for the caller
            }
            if (!challenge.isUsable(now)) {
                return new Confirmation(LoginTransaction.Check.UNUSABLE, null, null, null, 0);
            }
            UserRecord user = users.findForUpdate(userId).orElseThrow();
            if (!user.isActive() || user.lockout().isLocked(now)) {
                // Locked by failures elsewhere since the step-up started: it dies with the lock.
                stepUps.update(stepUpId, challenge.otpAttempts(), PendingStepUp.Status.FAILED);
                return new Confirmation(LoginTransaction.Check.WRONG_AND_EXHAUSTED, user, null, user.lockout(), 0);
            }
            if (challenge.isConfirmedByPasskey() != (credential != null)) {
                throw IdentityProblems.stepUpFactorMismatch(); // nothing written: rolling back is right
            }
            boolean right = challenge.isConfirmedByPasskey()
                    ? passkeys.verifyStepUpAssertion(user, challenge.passkeyRequestJson(), credential.toString(), now)
                    : oneTimePasswords.matches(stepUpId, code, challenge.otpHash());
            String factor = challenge.isConfirmedByPasskey() ? FACTOR_PASSKEY : FACTOR_OTP;
            LoginTransaction.Check check = challenge.check(right, now);
            switch (check) {
                case ACCEPTED -> {
                    stepUps.update(stepUpId, challenge.otpAttempts(), PendingStepUp.Status.CONFIRMED);
                    // A right code proves the user is present, but only a complete login resets the lockout count.
                    events.publish(IdentityContracts.STEP_UP_CONFIRMED, user, stepUpId, factor, null, null, sourceAddress, now);
                    return new Confirmation(check, user, challenge.binding(), null, 0);
                }
                case WRONG, WRONG_AND_EXHAUSTED -> {
                    boolean exhausted = check == LoginTransaction.Check.WRONG_AND_EXHAUSTED;
                    stepUps.update(stepUpId, challenge.otpAttempts() + 1, exhausted
                            ? PendingStepUp.Status.FAILED
                            : PendingStepUp.Status.PENDING);
                    LockoutPolicy.State after = failures.record(user, IdentityContracts.STEP_UP_FAILED,
                            exhausted ? factor + "_attempts_exhausted" : "wrong_" + factor, stepUpId, sourceAddress, now);
                    return new Confirmation(check, user, null, after, challenge.attemptsLeftAfterWrongCode());
                }
                default -> {
                    return new Confirmation(LoginTransaction.Check.UNUSABLE, null, null, null, 0);
                }
            }
        });
        if (confirmation.lockout() != null && confirmation.lockout().isLocked(now)) {
            throw new IdentityProblems.AccountLockedException(confirmation.lockout().secondsUntilUnlocked(now));
        }
        return switch (confirmation.check()) {
            case ACCEPTED -> new StepUpAuthorization(authorization(confirmation.user(), confirmation.binding(), now),
                    AUTHORIZATION_LIFETIME.toSeconds());
            case WRONG -> throw credential != null ? IdentityProblems.invalidStepUpPasskey(confirmation.attemptsLeft())
                    : IdentityProblems.invalidStepUpOtp(confirmation.attemptsLeft());
            case WRONG_AND_EXHAUSTED, UNUSABLE -> throw IdentityProblems.stepUpChallengeExpired();
        };
    }

    private String authorization(UserRecord user, StepUpBinding binding, Instant now) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(AUTHORIZATION_LIFETIME))
                .id(Ids.newId().toString())
                .audience(List.of(AUDIENCE))
                .subject(user.isCustomer() ? user.customerId().toString() : user.username())
                .claim(TOKEN_USE_CLAIM, TOKEN_USE)
                .claim("user_id", user.id().toString())
                .claim("payment_id", binding.paymentId().toString())
                .claim("amount", binding.amount().toDecimalString())
                .claim("currency", binding.amount().currencyCode())
                .claim("payee", binding.payee());
        if (user.isCustomer()) {
            claims.claim(CurrentCaller.CUSTOMER_ID_CLAIM, user.customerId().toString());
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(signingKeys.activeKeyId()).type(TOKEN_TYPE).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    /**
     * The payments service spends an authorization for the payment it is about to execute. Checked in this order:
     * signature and kind, expiry, binding (the authorization stays unspent when the binding differs: the payment is
     * refused, not the user's confirmation), then single use (the jti's primary key decides, across instances).
     */
    public StepUpRedemption redeem(String authorization, UUID paymentId, Money amount, String payee, String redeemedBy,
                                   String sourceAddress) {
        Instant now = clock.instant();
        JWTClaimsSet claims = verifiedClaims(authorization);
        Date expiresAt = claims.getExpirationTime();
        if (!now.isBefore(expiresAt.toInstant())) {
            throw IdentityProblems.stepUpExpired();
        }
        UUID userId;
        UUID jti;
        StepUpBinding confirmed;
        try {
            userId = UUID.fromString(claims.getStringClaim("user_id"));
            jti = UUID.fromString(claims.getJWTID());
            confirmed = new StepUpBinding(UUID.fromString(claims.getStringClaim("payment_id")),
                    Money.parse(claims.getStringClaim("amount"), claims.getStringClaim("currency")), claims.getStringClaim("payee"));
        } catch (ParseException | RuntimeException e) {
            throw IdentityProblems.stepUpInvalid(); // signed by us, so this cannot happen unless the format changed
        }
        boolean matches = confirmed.paymentId().equals(paymentId) && confirmed.amount().equals(amount)
                && confirmed.payee().equals(payee);
        UUID finalJti = jti;
        boolean redeemed = Boolean.TRUE.equals(transactions.execute(status -> {
            UserRecord user = users.find(userId).orElse(null);
            if (!matches) {
                events.publish(IdentityContracts.STEP_UP_FAILED, user, null, "binding_mismatch", null, null, sourceAddress, now);
                return false;
            }
            if (!stepUps.markRedeemed(finalJti, userId, paymentId, redeemedBy, now, expiresAt.toInstant())) {
                events.publish(IdentityContracts.STEP_UP_FAILED, user, null, "already_used", null, null, sourceAddress, now);
                return false;
            }
            events.publish(IdentityContracts.STEP_UP_REDEEMED, user, null, null, null, null, sourceAddress, now);
            return true;
        }));
        if (!matches) {
            throw IdentityProblems.stepUpBindingMismatch();
        }
        if (!redeemed) {
            throw IdentityProblems.stepUpAlreadyUsed();
        }
        return new StepUpRedemption(true, paymentId, userId.toString());
    }

    private JWTClaimsSet verifiedClaims(String authorization) {
        JWTClaimsSet claims;
        try {
            claims = verifier.process(authorization, null);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            throw IdentityProblems.stepUpInvalid();
        }
        boolean isStepUp = issuer.equals(claims.getIssuer()) && TOKEN_USE.equals(claims.getClaim(TOKEN_USE_CLAIM))
                && claims.getAudience() != null && claims.getAudience().contains(AUDIENCE)
                && claims.getExpirationTime() != null && claims.getJWTID() != null;
        if (!isStepUp) {
            throw IdentityProblems.stepUpInvalid();
        }
        return claims;
    }

    private static StepUpBinding binding(UUID paymentId, Money amount, String payee) {
        if (!amount.isPositive()) {
            throw ApiException.invalidField("amount", "not_positive", "the amount of a payment must be positive");
        }
        if (!StepUpBinding.isAcceptablePayee(payee)) {
            throw ApiException.invalidField("payee", "invalid_payee", "1 to 64 characters, no control characters");
        }
        return new StepUpBinding(paymentId, amount, payee);
    }
}

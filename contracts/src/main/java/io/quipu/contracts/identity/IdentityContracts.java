package io.quipu.contracts.identity;

/**
 * The identity service's published language: users and their logins, and the platform's OAuth2 / OpenID Connect
 * authorization server (issuer {@code quipu.security.issuer}, JWKS at {@code /oauth2/jwks}).
 *
 * <p>Scopes: {@code identity:write} (create users; the customers service during onboarding), {@code identity:step-up}
 * (redeem step-up authorizations of payments; the payments service). Access tokens carry the
 * audience rule of the whole platform: {@code aud} is the set of {@code <service>} prefixes of the token's
 * {@code <service>:<action>} scopes, and every service accepts only tokens whose {@code aud} names it.
 *
 * <p>Events: topic {@code auth-events}, key = the user id ({@link #UNKNOWN_USER_KEY} for a username nobody has), payload
 * {@link AuthEvent}, CloudEvent types {@code io.quipu.identity.<...>} below. Events never carry passwords, one-time
 * passwords or tokens.
 */
public final class IdentityContracts {

    public static final String SERVICE = "identity";
    public static final String WRITE_SCOPE = "identity:write";

    public static final String LOGIN_SUCCEEDED = "io.quipu.identity.login.succeeded";
    public static final String LOGIN_FAILED = "io.quipu.identity.login.failed";
    public static final String OTP_FAILED = "io.quipu.identity.otp.failed";
    /** A passkey assertion refused (login or step-up); counts toward lockout like a wrong code. */
    public static final String PASSKEY_FAILED = "io.quipu.identity.passkey.failed";
    public static final String ACCOUNT_LOCKED = "io.quipu.identity.account.locked";
    public static final String REFRESH_TOKEN_REUSED = "io.quipu.identity.refresh-token.reused";
    public static final String USER_CREATED = "io.quipu.identity.user.created";
    /** A step-up for one payment was asked for (a code was sent, or passkey options were handed out). */
    public static final String STEP_UP_REQUESTED = "io.quipu.identity.step-up.requested";
    /** The user confirmed the payment's step-up: an authorization was issued. */
    public static final String STEP_UP_CONFIRMED = "io.quipu.identity.step-up.confirmed";
    /** A wrong code for a step-up; counts toward lockout like a wrong login code. */
    public static final String STEP_UP_FAILED = "io.quipu.identity.step-up.failed";
    /** The payments service spent a step-up authorization (once). */
    public static final String STEP_UP_REDEEMED = "io.quipu.identity.step-up.redeemed";
    /** A user changed their password (with the current one); every refresh token of theirs was revoked. */
    public static final String PASSWORD_CHANGED = "io.quipu.identity.password.changed";
    /** A reset code was sent to the user's phone. */
    public static final String PASSWORD_RESET_REQUESTED = "io.quipu.identity.password-reset.requested";
    /** A wrong reset code; counts toward lockout like a wrong login code. */
    public static final String PASSWORD_RESET_FAILED = "io.quipu.identity.password-reset.failed";
    /** The password was replaced by a reset; every refresh token was revoked and the account unlocked. */
    public static final String PASSWORD_RESET_COMPLETED = "io.quipu.identity.password-reset.completed";
    /** Scope of services allowed to redeem step-up authorizations ({@code POST /auth/step-up/redeem}). */
    public static final String STEP_UP_SCOPE = "identity:step-up";

    /** Kafka key of failures for a username that belongs to nobody (so one key's events still stay together). */
    public static final String UNKNOWN_USER_KEY = "unknown-user";

    private IdentityContracts() {
    }
}

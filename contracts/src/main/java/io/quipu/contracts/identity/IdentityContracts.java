package io.quipu.contracts.identity;

/**
 * The identity service's published language: users and their logins, and the platform's OAuth2 / OpenID Connect
 * authorization server (issuer {@code quipu.security.issuer}, JWKS at {@code /oauth2/jwks}).
 *
 * <p>Scopes: {@code identity:write} (create users; the customers service during onboarding). Access tokens carry the
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
    public static final String ACCOUNT_LOCKED = "io.quipu.identity.account.locked";
    public static final String REFRESH_TOKEN_REUSED = "io.quipu.identity.refresh-token.reused";
    public static final String USER_CREATED = "io.quipu.identity.user.created";

    /** Kafka key of failures for a username that belongs to nobody (so one key's events still stay together). */
    public static final String UNKNOWN_USER_KEY = "unknown-user";

    private IdentityContracts() {
    }
}

package io.quipu.gateway.domain;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The tokens a browser's session holds on the gateway (backend-for-frontend): the browser only ever has the session
 * cookie. Kept in the server-side session, never in a response or a log line ({@link #toString()} leaves them out).
 * Serializable for a session store outside the instance's memory (docs/gateway.md, "More than one instance").
 *
 * @param accessToken           the JWT relayed to services as {@code Authorization: Bearer}
 * @param refreshToken          opaque, single use: every refresh returns the next one
 * @param subject               the token's {@code sub}: a customer id or a staff username
 * @param customerId            the {@code customer_id} claim, null for staff
 * @param roles                 the {@code roles} claim, empty for customers
 * @param accessTokenExpiresAt  the access token's {@code exp}
 * @param refreshTokenExpiresAt when identity stops accepting the refresh token: the end of the login
 */
public record SessionTokens(String accessToken, String refreshToken, String subject, String customerId, List<String> roles,
                            Instant accessTokenExpiresAt, Instant refreshTokenExpiresAt) implements Serializable {

    public SessionTokens {
        if (accessToken == null || accessToken.isBlank() || refreshToken == null || refreshToken.isBlank()) {
            throw new IllegalArgumentException("a session needs an access token and a refresh token");
        }
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a session needs the token's subject");
        }
        if (accessTokenExpiresAt == null || refreshTokenExpiresAt == null) {
            throw new IllegalArgumentException("a session needs both expiry times");
        }
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /**
     * True when the access token ends within {@code margin}: refreshed before it is relayed, so a service never receives a
     * token that expires on the way.
     */
    public boolean accessTokenNeedsRefresh(Instant now, Duration margin) {
        return !accessTokenExpiresAt.isAfter(now.plus(margin));
    }

    public boolean refreshTokenExpired(Instant now) {
        return !refreshTokenExpiresAt.isAfter(now);
    }

    @Override
    public String toString() {
        return "SessionTokens[subject=" + subject + ", accessTokenExpiresAt=" + accessTokenExpiresAt
                + ", refreshTokenExpiresAt=" + refreshTokenExpiresAt + "]";
    }
}

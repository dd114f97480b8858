package io.quipu.gateway.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web app's session on the gateway (backend-for-frontend).
 *
 * @param secureCookie        mark the session and CSRF cookies {@code Secure}: true in production; false only for a
 *                            plain-http local run, where a browser would not send a Secure cookie back
 * @param refreshBeforeExpiry an access token that ends sooner than this is refreshed before it is relayed
 * @param identityTimeout     for each call to identity's {@code /auth/*}; a login waits for identity to send the SMS,
 *                            which it retries for up to about 16 s
 * @param maxActiveSessions   sessions this instance keeps in memory at most (a few kilobytes each); a login beyond
 *                            it is answered 503 {@code too_many_sessions} rather than running out of memory
 */
@ConfigurationProperties("quipu.gateway.session")
public record SessionProperties(
        @DefaultValue("true") boolean secureCookie,
        @DefaultValue("60s") Duration refreshBeforeExpiry,
        @DefaultValue("20s") Duration identityTimeout,
        @DefaultValue("50000") int maxActiveSessions) {

    public SessionProperties {
        if (maxActiveSessions < 1 || maxActiveSessions > 10_000_000) {
            throw new IllegalArgumentException("quipu.gateway.session.max-active-sessions must be 1 to 10,000,000: " + maxActiveSessions);
        }
        if (refreshBeforeExpiry.isNegative() || refreshBeforeExpiry.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("quipu.gateway.session.refresh-before-expiry must be 0 to 5 minutes: " + refreshBeforeExpiry);
        }
        if (identityTimeout.isNegative() || identityTimeout.isZero() || identityTimeout.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("quipu.gateway.session.identity-timeout must be positive and at most 60 s: " + identityTimeout);
        }
    }
}

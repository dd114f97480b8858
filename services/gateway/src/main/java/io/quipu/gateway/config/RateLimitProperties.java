package io.quipu.gateway.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.quipu.gateway.domain.RateLimit;

/**
 * Rate limits at the edge, each {@code requests} per {@code period}.
 *
 * @param authenticationPerIp per caller address on the login paths ({@code /bff/login}, {@code /bff/verify-otp},
 *                            identity's login, code, refresh, password and passkey-assertion paths; EdgePaths):
 *                            password and code guessing
 * @param perClient           per authenticated client: the token's {@code client_id}, else its subject
 * @param perIp               per caller address on every other path
 * @param maxTrackedKeys      buckets kept in memory at most; the least recently used go first (an idle bucket is full
 *                            again after its period, so forgetting it changes nothing)
 */
@ConfigurationProperties("quipu.gateway.rate-limits")
public record RateLimitProperties(
        Limit authenticationPerIp,
        Limit perClient,
        Limit perIp,
        @DefaultValue("100000") long maxTrackedKeys) {

    public RateLimitProperties {
        // The defaults (10, 300 and 600 a minute) are in application.properties.
        if (authenticationPerIp == null || perClient == null || perIp == null) {
            throw new IllegalArgumentException("quipu.gateway.rate-limits.authentication-per-ip, per-client and per-ip must be set");
        }
        if (maxTrackedKeys < 100 || maxTrackedKeys > 10_000_000) {
            throw new IllegalArgumentException("quipu.gateway.rate-limits.max-tracked-keys must be 100 to 10,000,000: " + maxTrackedKeys);
        }
    }

    /** One limit as configured: {@code quipu.gateway.rate-limits.per-ip.requests=600}, {@code ...per-ip.period=1m}. */
    public record Limit(long requests, Duration period) {

        public Limit {
            // Checked here so that a bad setting stops the gateway at startup with the property's name.
            new RateLimit(requests, period);
        }

        public RateLimit toRateLimit() {
            return new RateLimit(requests, period);
        }
    }
}

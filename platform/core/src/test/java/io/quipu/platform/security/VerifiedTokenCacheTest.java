package io.quipu.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

class VerifiedTokenCacheTest {

    static final Instant ISSUED = Instant.parse("2026-12-06T10:00:00Z");

    final AtomicInteger signatureChecks = new AtomicInteger();
    Clock clock = Clock.fixed(ISSUED.plusSeconds(10), ZoneOffset.UTC);
    final JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);

    /** Stands for the signature check: tokens starting with "forged" fail it. */
    final JwtDecoder signatureCheck = token -> {
        signatureChecks.incrementAndGet();
        if (token.startsWith("forged")) {
            throw new BadJwtException("signature does not match");
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("service-ledger")
                .issuedAt(ISSUED).expiresAt(ISSUED.plusSeconds(300)).build();
    };

    VerifiedTokenCache cache(int maxEntries) {
        expiry.setClock(new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock.instant();
            }
        });
        return new VerifiedTokenCache(signatureCheck, expiry, maxEntries, Duration.ofSeconds(60));
    }

    @Test
    void aTokenSeenBeforeIsNotVerifiedAgain() {
        VerifiedTokenCache cache = cache(100);
        Jwt first = cache.decode("token-a");
        Jwt second = cache.decode("token-a");
        cache.decode("token-b");
        assertThat(second).isSameAs(first);
        assertThat(signatureChecks.get()).isEqualTo(2);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void aRememberedTokenStopsWorkingWhenItExpires() {
        VerifiedTokenCache cache = cache(100);
        cache.decode("token-a");
        clock = Clock.fixed(ISSUED.plusSeconds(301), ZoneOffset.UTC);
        assertThatThrownBy(() -> cache.decode("token-a")).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(cache.size()).isZero();
    }

    @Test
    void aTokenThatFailsTheSignatureCheckIsNeverRemembered() {
        VerifiedTokenCache cache = cache(100);
        assertThatThrownBy(() -> cache.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged-1")).isInstanceOf(BadJwtException.class);
        assertThat(signatureChecks.get()).isEqualTo(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void theCacheHoldsNoMoreThanItsBound() {
        VerifiedTokenCache cache = cache(10);
        for (int index = 0; index < 1_000; index++) {
            cache.decode("token-" + index);
        }
        assertThat(cache.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void settingsOutsideTheBoundsAreRefused() {
        assertThatThrownBy(() -> new VerifiedTokenCache(signatureCheck, expiry, 0, Duration.ofSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new VerifiedTokenCache(signatureCheck, expiry, 10, Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

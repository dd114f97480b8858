package io.quipu.platform.security;

import java.time.Duration;
import java.util.Objects;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Remembers tokens whose signature checked out, so a client sending the same token again (a service's token, an app
 * polling) is not paid for with another RSA verification: that was a tenth of the ledger's CPU per request.
 * <p>
 * The claims are validated again on every use (expiry, issuer, audience), so a remembered token stops working the
 * moment it expires. What the cache relaxes is key rotation: a token signed by a key just removed from the JWKS keeps
 * working for at most {@code timeToLive}. Bounded in entries; tokens are not logged or exposed.
 */
public final class VerifiedTokenCache implements JwtDecoder {

    /** The upper bounds of the settings: the cache must never be where memory or a revoked key's life goes. */
    public static final int MAX_ENTRIES = 100_000;
    public static final Duration MAX_TIME_TO_LIVE = Duration.ofMinutes(5);

    private final JwtDecoder verifying;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    /**
     * @param verifying a decoder that checks the signature and then {@code validator}
     * @param validator the same claim checks {@code verifying} runs, re-run on every remembered token
     */
    public VerifiedTokenCache(JwtDecoder verifying, OAuth2TokenValidator<Jwt> validator, int maxEntries, Duration timeToLive) {
        this.verifying = Objects.requireNonNull(verifying, "verifying");
        this.validator = Objects.requireNonNull(validator, "validator");
        if (maxEntries < 1 || maxEntries > MAX_ENTRIES) {
            throw new IllegalArgumentException("maxEntries must be 1 to " + MAX_ENTRIES);
        }
        if (timeToLive.isNegative() || timeToLive.isZero() || timeToLive.compareTo(MAX_TIME_TO_LIVE) > 0) {
            throw new IllegalArgumentException("timeToLive must be positive and at most " + MAX_TIME_TO_LIVE);
        }
        this.verified = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(timeToLive).build();
    }

    /**
     * A decoder of tokens signed by a key of the JWKS at {@code jwkSetUri} and passing {@code validator}, remembering
     * the verified ones; the same validator checks a remembered token again on every use.
     */
    public static VerifiedTokenCache fromJwkSet(String jwkSetUri, OAuth2TokenValidator<Jwt> validator, int maxEntries,
                                                Duration timeToLive) {
        NimbusJwtDecoder verifying = NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build();
        verifying.setJwtValidator(validator);
        return new VerifiedTokenCache(verifying, validator, maxEntries, timeToLive);
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known == null) {
            Jwt decoded = verifying.decode(token); // throws when the signature or a claim is wrong: nothing is remembered
            verified.put(token, decoded);
            return decoded;
        }
        OAuth2TokenValidatorResult result = validator.validate(known);
        if (result.hasErrors()) {
            verified.invalidate(token);
            OAuth2Error first = result.getErrors().iterator().next();
            throw new JwtValidationException("An error occurred while attempting to decode the Jwt: " + first.getDescription(),
                    result.getErrors());
        }
        return known;
    }

    /** How many tokens are remembered now (approximate; for tests and metrics). */
    public long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}

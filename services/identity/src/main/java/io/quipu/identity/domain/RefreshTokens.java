package io.quipu.identity.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * Opaque refresh tokens: 256 random bits, shown to the client once and stored only as a SHA-256 hash (enough for a
 * value that cannot be guessed). Every use rotates the token; a token used twice means it was copied, and the whole
 * family (every token descended from the same login) is revoked.
 */
public final class RefreshTokens {

    public static final Duration LIFETIME = Duration.ofDays(30);
    private static final int TOKEN_BYTES = 32;

    private final SecureRandom random;

    public RefreshTokens(SecureRandom random) {
        this.random = random;
    }

    public String generate() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The states of one stored refresh token. */
    public enum Status {
        ACTIVE, ROTATED, REVOKED
    }
}

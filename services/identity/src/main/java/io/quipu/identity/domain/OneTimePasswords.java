package io.quipu.identity.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Six-digit one-time passwords sent by SMS. Only a keyed hash is stored (HMAC-SHA-256 with a server secret, bound to the
 * login transaction): a plain hash of six digits could be reversed from a database copy in a millisecond.
 */
public final class OneTimePasswords {

    public static final int DIGITS = 6;
    public static final int MAX_ATTEMPTS = 5;
    private static final int MINIMUM_SECRET_BYTES = 32;

    private final SecureRandom random;
    private final byte[] secret;

    public OneTimePasswords(SecureRandom random, byte[] secret) {
        if (secret.length < MINIMUM_SECRET_BYTES) {
            throw new IllegalArgumentException("the one-time password secret needs at least " + MINIMUM_SECRET_BYTES + " bytes");
        }
        this.random = random;
        this.secret = secret.clone();
    }

    /** A uniformly random code from 000000 to 999999. */
    public String generate() {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    public byte[] hash(UUID loginId, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(loginId.toString().getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(code.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Compares in constant time. A code that is not six digits never matches. */
    public boolean matches(UUID loginId, String code, byte[] storedHash) {
        if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return false;
        }
        return MessageDigest.isEqual(hash(loginId, code), storedHash);
    }
}

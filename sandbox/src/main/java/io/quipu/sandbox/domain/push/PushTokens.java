package io.quipu.sandbox.domain.push;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Issues registration tokens the way a push SDK does: opaque and unguessable, so a client cannot reach a device it was
 * never given, and a test cannot depend on their shape. Thread-safe.
 */
public final class PushTokens {

    public static final String PREFIX = "fcm-";
    /** 30 random bytes are exactly 40 URL-safe base64 characters, without padding. */
    private static final int RANDOM_BYTES = 30;

    private final SecureRandom random = new SecureRandom();
    private final Base64.Encoder urlSafe = Base64.getUrlEncoder().withoutPadding();

    /** {@value #PREFIX} and 40 characters from {@code A-Z a-z 0-9 - _}. */
    public String next() {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return PREFIX + urlSafe.encodeToString(bytes);
    }
}

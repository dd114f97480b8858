package io.quipu.identity.domain;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The rules of passkeys (WebAuthn credentials): how many, how they are named, how long a challenge lives. */
public final class Passkeys {

    /** A browser has this long to answer a registration or login challenge (the five minutes, like codes). */
    public static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);
    /** Phones, laptops and a security key or two; more is an abuse of the table, not a real need. */
    public static final int MAX_PER_USER = 10;
    /** Registrations started and not finished at once, per user: each stores a challenge row. */
    public static final int MAX_PENDING_REGISTRATIONS_PER_USER = 5;
    public static final int MAX_LABEL_LENGTH = 64;
    public static final String DEFAULT_LABEL = "Passkey";
    /** What the browser is told to wait, in milliseconds (WebAuthn's unit); the server's expiry is what counts. */
    public static final long BROWSER_TIMEOUT_MILLISECONDS = CHALLENGE_LIFETIME.toMillis();

    private Passkeys() {
    }

    /**
     * The label shown in the user's list: trimmed, control characters removed (it is shown back in apps), the default
     * when blank; empty when too long, which the caller refuses.
     */
    public static Optional<String> normalizeLabel(String label) {
        if (label == null) {
            return Optional.of(DEFAULT_LABEL);
        }
        String cleaned = label.replaceAll("\\p{Cntrl}", "").strip();
        if (cleaned.isEmpty()) {
            return Optional.of(DEFAULT_LABEL);
        }
        return cleaned.length() <= MAX_LABEL_LENGTH ? Optional.of(cleaned) : Optional.empty();
    }

    /**
     * The WebAuthn user handle of a user: the 16 bytes of the user id. Stable (every passkey of a user has the same
     * handle) and no personal data, as the specification asks.
     */
    public static byte[] userHandle(UUID userId) {
        return ByteBuffer.allocate(16).putLong(userId.getMostSignificantBits()).putLong(userId.getLeastSignificantBits()).array();
    }

    public static Optional<UUID> userIdOfHandle(byte[] userHandle) {
        if (userHandle == null || userHandle.length != 16) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(userHandle);
        return Optional.of(new UUID(buffer.getLong(), buffer.getLong()));
    }

    /** A challenge is answered once and before it expires. */
    public static boolean isChallengeUsable(Instant expiresAt, Instant consumedAt, Instant now) {
        return consumedAt == null && now.isBefore(expiresAt);
    }
}

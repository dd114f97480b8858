package io.quipu.platform.id;

import java.util.UUID;

import com.github.f4b6a3.uuid.UuidCreator;

/** Identifiers: UUIDv7, so ids sort by creation time and index well. */
public final class Ids {

    private Ids() {
    }

    public static UUID newId() {
        return UuidCreator.getTimeOrderedEpoch();
    }

    /** Parses a UUID given by a caller; a malformed one is an {@link IllegalArgumentException}, a 400 at the edge. */
    public static UUID parse(String value) {
        if (value == null || value.length() != 36) {
            throw new IllegalArgumentException("not a UUID: " + value);
        }
        return UUID.fromString(value);
    }
}

package io.quipu.bench;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** UUIDv7 (RFC 9562: 48-bit Unix milliseconds, then random bits) as Quipu's callers choose transfer ids. */
public final class Uuid7 {

    private Uuid7() {
    }

    public static UUID next() {
        return of(System.currentTimeMillis(), ThreadLocalRandom.current().nextLong(), ThreadLocalRandom.current().nextLong());
    }

    static UUID of(long unixMillis, long random1, long random2) {
        long msb = (unixMillis << 16) | 0x7000L | (random1 & 0x0FFFL);
        long lsb = (random2 & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }
}

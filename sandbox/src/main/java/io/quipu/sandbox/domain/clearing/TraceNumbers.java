package io.quipu.sandbox.domain.clearing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The clearing house's trace numbers: 15 digits, the date (yyMMdd, UTC) and a 9-digit sequence, unique while fewer
 * than a billion transfers arrive in a run.
 */
public final class TraceNumbers {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyMMdd").withZone(ZoneOffset.UTC);
    private static final long SEQUENCE_BOUND = 1_000_000_000L;

    private final AtomicLong sequence;

    /** {@code start}: the first sequence number (a random one in the application, so runs do not repeat numbers). */
    public TraceNumbers(long start) {
        this.sequence = new AtomicLong(Math.floorMod(start, SEQUENCE_BOUND));
    }

    public String next(Instant now) {
        long number = Math.floorMod(sequence.getAndIncrement(), SEQUENCE_BOUND);
        return DATE.format(now) + String.format("%09d", number);
    }
}

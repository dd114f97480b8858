package io.quipu.fraud.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock set to a chosen instant that then runs at the real pace; tests set it (an hour in Lima) and move it. */
final class MovableClock extends Clock {

    private volatile Instant base = Instant.now();
    private volatile long setAtNanos = System.nanoTime();

    synchronized void set(Instant at) {
        base = at;
        setAtNanos = System.nanoTime();
    }

    void advance(Duration duration) {
        set(instant().plus(duration));
    }

    @Override
    public synchronized Instant instant() {
        return base.plusNanos(System.nanoTime() - setAtNanos);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}

package io.quipu.sandbox.delivery;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Moves the simulated networks on: every {@code period} each desk makes the changes that are due. */
public final class SettlementClock implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SettlementClock.class);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "sandbox-settlement");
        thread.setDaemon(true);
        return thread;
    });

    public SettlementClock(List<SettlementDesk<?>> desks, Duration period) {
        scheduler.scheduleWithFixedDelay(() -> desks.forEach(desk -> {
            try {
                desk.tick();
            } catch (RuntimeException e) {
                log.error("settlement tick failed", e);
            }
        }), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}

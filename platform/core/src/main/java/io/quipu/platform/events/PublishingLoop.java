package io.quipu.platform.events;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A background thread that publishes rows of a table to Kafka batch by batch: at once while there is more, after a
 * wake-up or an idle poll when there is not, and with exponential backoff while Kafka or the database fails. The
 * outbox relay and the ledger's transfer-event publisher are this loop with their own {@link #publishBatch()}.
 */
public abstract class PublishingLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PublishingLoop.class);
    private static final long FIRST_BACKOFF_MILLIS = 100;
    private static final long MAX_BACKOFF_MILLIS = 10_000;

    private final String name;
    private final int batchSize;
    private final Duration idlePoll;
    private final Duration sendTimeout;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    protected PublishingLoop(String name, int batchSize, Duration idlePoll, Duration sendTimeout) {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batchSize must be between 1 and 10000");
        }
        this.name = name;
        this.batchSize = batchSize;
        this.idlePoll = idlePoll;
        this.sendTimeout = sendTimeout;
    }

    /** Publishes at most {@link #batchSize()} rows; returns how many. */
    public abstract int publishBatch();

    protected int batchSize() {
        return batchSize;
    }

    /** Called after a commit that added rows: publish now instead of at the next poll. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** Waits until Kafka acknowledged every send, or fails the batch (its rows stay and are sent again). */
    protected void awaitAcknowledgements(List<? extends CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge " + sends.size() + " events", e);
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(sendTimeout.toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server has drained (it stops at a higher phase), so the last requests' events still go out. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }

    private void loop() {
        long backoffMillis = FIRST_BACKOFF_MILLIS;
        while (running) {
            try {
                int published = publishBatch();
                backoffMillis = FIRST_BACKOFF_MILLIS;
                if (published < batchSize) {
                    wakeUps.tryAcquire(idlePoll.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("{} could not publish, retrying in {} ms: {}", name, backoffMillis, e.toString());
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }
}

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
    public static final Duration MAX_GATHER_DELAY = Duration.ofSeconds(1);

    private final String name;
    private final int batchSize;
    private final Duration idlePoll;
    private final Duration sendTimeout;
    private final Duration gatherDelay;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    protected PublishingLoop(String name, int batchSize, Duration idlePoll, Duration sendTimeout) {
        this(name, batchSize, idlePoll, sendTimeout, Duration.ZERO);
    }

    /**
     * @param gatherDelay after a batch that was not full, how long to let rows gather before the next one even when
     *                    woken up: rows committed a few at a time then go out together, in fewer database transactions
     *                    and Kafka requests, at the price of that much more delay (at most {@link #MAX_GATHER_DELAY})
     */
    protected PublishingLoop(String name, int batchSize, Duration idlePoll, Duration sendTimeout, Duration gatherDelay) {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batchSize must be between 1 and 10000");
        }
        if (gatherDelay.isNegative() || gatherDelay.compareTo(MAX_GATHER_DELAY) > 0) {
            throw new IllegalArgumentException("gatherDelay must be 0 to " + MAX_GATHER_DELAY);
        }
        this.name = name;
        this.batchSize = batchSize;
        this.idlePoll = idlePoll;
        this.sendTimeout = sendTimeout;
        this.gatherDelay = gatherDelay;
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
                if (published > 0 && published < batchSize && !gatherDelay.isZero()) {
                    Thread.sleep(gatherDelay.toMillis());
                    wakeUps.drainPermits();
                } else if (published < batchSize) {
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

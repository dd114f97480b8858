package io.quipu.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PublishingLoopTest {

    /** A table that gains a row every millisecond; the loop is woken after each, as after a commit. */
    static final class Trickle extends PublishingLoop {
        final AtomicInteger waiting = new AtomicInteger();
        final List<Integer> batches = new CopyOnWriteArrayList<>();

        Trickle(Duration gatherDelay) {
            super("test-publisher", 1000, Duration.ofSeconds(1), Duration.ofSeconds(1), gatherDelay);
        }

        @Override
        public int publishBatch() {
            int taken = Math.min(waiting.getAndSet(0), batchSize());
            if (taken > 0) {
                batches.add(taken);
            }
            return taken;
        }
    }

    record Run(List<Integer> batches, long trickleMillis) {
        int rows() {
            return batches.stream().mapToInt(Integer::intValue).sum();
        }
    }

    static Run publish(Duration gatherDelay) throws InterruptedException {
        Trickle loop = new Trickle(gatherDelay);
        loop.start();
        long started = System.nanoTime();
        long trickleMillis;
        try {
            for (int row = 0; row < 300; row++) {
                loop.waiting.incrementAndGet();
                loop.wakeUp();
                Thread.sleep(1);
            }
            trickleMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (loop.batches.stream().mapToInt(Integer::intValue).sum() < 300 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } finally {
            loop.stop();
        }
        return new Run(loop.batches, trickleMillis);
    }

    @Test
    void rowsArrivingOneByOneAreGatheredIntoFewerBatchesAndNoneIsLeftBehind() throws InterruptedException {
        Run atOnce = publish(Duration.ZERO);
        Run gathered = publish(Duration.ofMillis(40));
        assertThat(atOnce.rows()).isEqualTo(300);
        assertThat(gathered.rows()).isEqualTo(300);
        // Woken after every row, the loop without a delay publishes them as they come (many small batches); with
        // 40 ms of gathering, at most one batch per 40 ms of trickle, plus the first and the last.
        assertThat(gathered.batches().size()).as("batches " + gathered.batches())
                .isLessThanOrEqualTo((int) (gathered.trickleMillis() / 40) + 2);
    }

    @Test
    void aGatherDelayOutsideItsBoundIsRefused() {
        assertThatThrownBy(() -> new Trickle(Duration.ofSeconds(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Trickle(Duration.ofMillis(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}

package io.quipu.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * A closed-loop load: {@code threads} workers each call their operation back to back. The first {@code warmup} is not
 * counted; then, for {@code measure}, every operation that <em>completes</em> inside the window counts (its transfers
 * and its latency). Operations still running when the window ends are not counted.
 */
final class LoadRun {

    /** What one operation did: transfers that succeeded, their amount in minor units, and failures by reason. */
    record Outcome(int ok, long okAmountMinor, Map<String, Integer> failures) {
        static Outcome success(int transfers, long amountMinor) {
            return new Outcome(transfers, amountMinor, Map.of());
        }

        static Outcome failure(String reason, int transfers) {
            return new Outcome(0, 0, Map.of(reason, transfers));
        }
    }

    /** One worker's operation; created on the worker's own thread (it may hold a connection). */
    interface Operation extends AutoCloseable {
        Outcome run() throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    record Result(long okTransfers, long operations, double seconds, Percentiles.Summary latency,
                  Map<String, Long> failures, CpuSampler.Usage cpu, String waits) {
        double transfersPerSecond() {
            return okTransfers / seconds;
        }
    }

    /** Every successful transfer of every run, warm-up included: the end-of-run correctness check compares these. */
    static final class Totals {
        final LongAdder okTransfers = new LongAdder();
        final LongAdder okAmountMinor = new LongAdder();
        final LongAdder failedTransfers = new LongAdder();
    }

    private LoadRun() {
    }

    static Result run(String name, int threads, Supplier<Operation> operations, Duration warmup, Duration measure,
                      Totals totals, CpuSampler cpu, PgWaitSampler waits, String database) throws InterruptedException {
        var window = new Object() {
            volatile long start = Long.MAX_VALUE;
            volatile long end = Long.MAX_VALUE;
            volatile boolean running = true;
        };
        LongAdder windowOk = new LongAdder();
        LongAdder windowOperations = new LongAdder();
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        List<Percentiles.Recorder> recorders = new ArrayList<>();
        List<Thread> workers = new ArrayList<>();
        List<Throwable> setupErrors = new ArrayList<>();
        for (int index = 0; index < threads; index++) {
            Percentiles.Recorder recorder = new Percentiles.Recorder();
            recorders.add(recorder);
            Thread worker = new Thread(() -> {
                try (Operation operation = operations.get()) {
                    while (window.running) {
                        long begin = System.nanoTime();
                        Outcome outcome;
                        try {
                            outcome = operation.run();
                        } catch (InterruptedException e) {
                            return;
                        } catch (Exception e) {
                            outcome = Outcome.failure("exception " + e.getClass().getSimpleName(), 1);
                            Thread.sleep(20);
                        }
                        long finished = System.nanoTime();
                        totals.okTransfers.add(outcome.ok());
                        totals.okAmountMinor.add(outcome.okAmountMinor());
                        outcome.failures().values().forEach(totals.failedTransfers::add);
                        if (finished >= window.start && finished <= window.end) {
                            windowOk.add(outcome.ok());
                            windowOperations.increment();
                            recorder.record(finished - begin);
                            outcome.failures().forEach((reason, count) ->
                                    failures.computeIfAbsent(reason, key -> new LongAdder()).add(count));
                        }
                    }
                } catch (Exception e) {
                    synchronized (setupErrors) {
                        setupErrors.add(e);
                    }
                }
            }, "bench-" + name + "-" + index);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        Thread.sleep(warmup.toMillis());
        CpuSampler.Snapshot before = cpu.snapshot();
        waits.start(database);
        window.start = System.nanoTime();
        Thread.sleep(measure.toMillis());
        window.end = System.nanoTime();
        CpuSampler.Snapshot after = cpu.snapshot();
        String waitProfile = waits.stop();
        window.running = false;
        for (Thread worker : workers) {
            worker.join(120_000);
        }
        if (!setupErrors.isEmpty()) {
            IllegalStateException error = new IllegalStateException(name + ": " + setupErrors.size() + " workers failed");
            setupErrors.forEach(error::addSuppressed);
            throw error;
        }
        Map<String, Long> failureCounts = new TreeMap<>();
        failures.forEach((reason, count) -> failureCounts.put(reason, count.sum()));
        return new Result(windowOk.sum(), windowOperations.sum(), (window.end - window.start) / 1e9,
                Percentiles.Summary.ofSortedNanos(Percentiles.Recorder.mergeSorted(recorders)), failureCounts,
                cpu.between(before, after), waitProfile);
    }
}

package io.quipu.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
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
                  Map<String, Long> failures, CpuSampler.Usage cpu, String waits, String inside) {
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

    /** Figures of the system under test read at the start and at the end of the measured window (e.g. its meters). */
    interface WindowProbe {
        WindowProbe NONE = new WindowProbe() {
            @Override
            public void start() {
            }

            @Override
            public String stop() {
                return null;
            }
        };

        void start();

        /** What changed in the window, for the report; null when there is nothing to report. */
        String stop();
    }

    /** One operation started without blocking: the answer completes the future (on the HTTP client's I/O thread). */
    interface AsyncOperation {
        CompletableFuture<Outcome> start();
    }

    /** The measured window and what completed inside it; shared by every client of one run. */
    private static final class Window {
        volatile long start = Long.MAX_VALUE;
        volatile long end = Long.MAX_VALUE;
        volatile boolean running = true;
        final LongAdder ok = new LongAdder();
        final LongAdder operations = new LongAdder();
        final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        final Totals totals;

        Window(Totals totals) {
            this.totals = totals;
        }

        /** Counts an operation in the totals, and in the window if it completed inside it. */
        void record(long begin, long finished, Outcome outcome, Percentiles.Recorder recorder) {
            totals.okTransfers.add(outcome.ok());
            totals.okAmountMinor.add(outcome.okAmountMinor());
            outcome.failures().values().forEach(totals.failedTransfers::add);
            if (finished >= start && finished <= end) {
                ok.add(outcome.ok());
                operations.increment();
                recorder.record(finished - begin);
                outcome.failures().forEach((reason, count) ->
                        failures.computeIfAbsent(reason, key -> new LongAdder()).add(count));
            }
        }

        /** Sleeps through the warm-up and the measured window, sampling the CPU and PostgreSQL's waits around it. */
        Result measure(Duration warmup, Duration measure, List<Percentiles.Recorder> recorders, CpuSampler cpu,
                       PgWaitSampler waits, String database, WindowProbe probe, Runnable stopClients)
                throws InterruptedException {
            Thread.sleep(warmup.toMillis());
            probe.start();
            CpuSampler.Snapshot before = cpu.snapshot();
            waits.start(database);
            start = System.nanoTime();
            Thread.sleep(measure.toMillis());
            end = System.nanoTime();
            CpuSampler.Snapshot after = cpu.snapshot();
            String waitProfile = waits.stop();
            String inside = probe.stop();
            running = false;
            stopClients.run();
            Map<String, Long> failureCounts = new TreeMap<>();
            failures.forEach((reason, count) -> failureCounts.put(reason, count.sum()));
            return new Result(ok.sum(), operations.sum(), (end - start) / 1e9,
                    Percentiles.Summary.ofSortedNanos(Percentiles.Recorder.mergeSorted(recorders)), failureCounts,
                    cpu.between(before, after), waitProfile, inside);
        }
    }

    /** {@code threads} clients, each a thread that calls its operation and waits for the answer. */
    static Result run(String name, int threads, Supplier<Operation> operations, Duration warmup, Duration measure,
                      Totals totals, CpuSampler cpu, PgWaitSampler waits, String database, WindowProbe probe)
            throws InterruptedException {
        Window window = new Window(totals);
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
                        window.record(begin, System.nanoTime(), outcome, recorder);
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
        Result result = window.measure(warmup, measure, recorders, cpu, waits, database, probe, () -> {
            for (Thread worker : workers) {
                try {
                    worker.join(120_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        if (!setupErrors.isEmpty()) {
            IllegalStateException error = new IllegalStateException(name + ": " + setupErrors.size() + " workers failed");
            setupErrors.forEach(error::addSuppressed);
            throw error;
        }
        return result;
    }

    /**
     * {@code clients} clients without a thread each: a client starts its next operation when the previous one's answer
     * arrives, on the HTTP client's I/O thread. Still a closed loop of {@code clients} requests in flight, but the load
     * generator wakes once per batch of ready answers instead of once per answer (docs/performance.md).
     */
    static Result runAsync(String name, int clients, AsyncOperation operation, Duration warmup, Duration measure,
                           Totals totals, CpuSampler cpu, PgWaitSampler waits, String database, WindowProbe probe)
            throws InterruptedException {
        Window window = new Window(totals);
        List<Percentiles.Recorder> recorders = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(clients);
        Executor retryLater = CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS);
        for (int index = 0; index < clients; index++) {
            Percentiles.Recorder recorder = new Percentiles.Recorder();
            recorders.add(recorder);
            new Object() {
                void next() {
                    if (!window.running) {
                        stopped.countDown();
                        return;
                    }
                    long begin = System.nanoTime();
                    CompletableFuture<Outcome> answer;
                    try {
                        answer = operation.start();
                    } catch (RuntimeException e) {
                        answer = CompletableFuture.failedFuture(e);
                    }
                    answer.whenComplete((outcome, error) -> {
                        long finished = System.nanoTime();
                        if (error == null) {
                            window.record(begin, finished, outcome, recorder);
                            next();
                        } else {
                            Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                            window.record(begin, finished, Outcome.failure("exception " + cause.getClass().getSimpleName(), 1),
                                    recorder);
                            retryLater.execute(this::next);
                        }
                    });
                }
            }.next();
        }
        return window.measure(warmup, measure, recorders, cpu, waits, database, probe, () -> {
            try {
                if (!stopped.await(120, TimeUnit.SECONDS)) {
                    throw new IllegalStateException(name + ": clients still waiting for answers after 120 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}

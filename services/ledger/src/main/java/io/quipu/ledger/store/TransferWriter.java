package io.quipu.ledger.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

import io.quipu.ledger.domain.LedgerSnapshot;
import io.quipu.ledger.domain.PendingStatus;
import io.quipu.ledger.domain.Transfer;
import io.quipu.ledger.domain.TransferCommand;
import io.quipu.ledger.domain.TransferEngine;

/**
 * The single writer of this ledger instance: it gathers whatever requests are queued (up to a bound), applies them in
 * order with {@link TransferEngine}, and writes the whole batch in one transaction with set-based SQL — one commit for
 * many transfers. Each caller gets its results when the batch has committed, never before.
 *
 * <p>Several instances may write to one database: every batch first locks the ledger clock, then its accounts in id
 * order, so batches serialise without deadlocks and timestamps follow commit order. (A second writer thread in one
 * instance was measured and made single transfers slower: docs/performance.md, "the fifth round".)
 */
public class TransferWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TransferWriter.class);
    private static final int MAX_REQUESTS_PER_BATCH = 4096;
    private static final int MAX_EXPIRIES_PER_BATCH = 1000;

    private final LedgerStore store;
    private final TransactionTemplate transactions;
    private final int maxTransfersPerCommit;
    private final Semaphore queuedTransfers;
    private final int queueCapacityTransfers;
    private final BlockingQueue<Request> queue = new ArrayBlockingQueue<>(65_536);
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final Timer batchDuration;
    private final Timer readPhase;
    private final Timer applyPhase;
    private final Timer writePhase;
    private final Timer commitPhase;
    private final Timer answerPhase;
    private final DistributionSummary batchTransfers;
    private volatile boolean running;
    private Thread thread;

    /**
     * @param meters where the write path's figures go: each batch's time from its first read to its commit, its
     *               transfers, and the transfers waiting for a batch (for the operators, and for docs/performance.md)
     */
    public TransferWriter(LedgerStore store, TransactionTemplate transactions, int maxTransfersPerCommit, int queueCapacityTransfers,
                          MeterRegistry meters) {
        if (maxTransfersPerCommit < 1 || queueCapacityTransfers < maxTransfersPerCommit) {
            throw new IllegalArgumentException("need 1 <= maxTransfersPerCommit <= queueCapacityTransfers");
        }
        this.store = store;
        this.transactions = transactions;
        this.maxTransfersPerCommit = maxTransfersPerCommit;
        this.queueCapacityTransfers = queueCapacityTransfers;
        this.queuedTransfers = new Semaphore(queueCapacityTransfers);
        this.batchDuration = Timer.builder("ledger.writer.batch.duration")
                .description("A batch from its first read to its commit (or rollback)")
                .publishPercentileHistogram().register(meters);
        this.readPhase = phase(meters, "read", "Locking and reading the batch's accounts and transfers");
        this.applyPhase = phase(meters, "apply", "Applying the batch in memory (the transfer engine)");
        this.writePhase = phase(meters, "write", "Writing the batch's transfers and balances");
        this.commitPhase = phase(meters, "commit", "Committing the batch (the WAL flush)");
        this.answerPhase = phase(meters, "answer",
                "Handing the results to the waiting requests and waking the event publisher");
        this.batchTransfers = DistributionSummary.builder("ledger.writer.batch.transfers")
                .description("Transfers in a batch").baseUnit("transfers").register(meters);
        Gauge.builder("ledger.writer.queued.transfers", queuedTransfers,
                        permits -> queueCapacityTransfers - permits.availablePermits())
                .description("Transfers accepted and not answered yet").baseUnit("transfers").register(meters);
    }

    /** Where a batch's time goes, phase by phase: what the serial cycle of batches is made of. */
    private static Timer phase(MeterRegistry meters, String phase, String description) {
        return Timer.builder("ledger.writer.batch.phase").tag("phase", phase).description(description).register(meters);
    }

    /** Thrown when the queue stays full for the whole wait: the ledger is overloaded; the caller may retry. */
    public static class LedgerBusyException extends RuntimeException {
        public LedgerBusyException() {
            super("the ledger is busy");
        }
    }

    private record Request(List<TransferCommand> commands, Map<UUID, UUID> expiries,
                           CompletableFuture<List<TransferEngine.Result>> result) {
        int size() {
            return commands != null ? commands.size() : expiries.size();
        }
    }

    /** Runs after every committed batch (the event publisher wakes up). */
    public void onCommit(Runnable listener) {
        afterCommit.add(listener);
    }

    public CompletableFuture<List<TransferEngine.Result>> submit(List<TransferCommand> commands, Duration wait) {
        if (commands.isEmpty() || commands.size() > maxTransfersPerCommit) {
            throw new IllegalArgumentException("between 1 and " + maxTransfersPerCommit + " transfers per request");
        }
        return enqueue(new Request(List.copyOf(commands), null, new CompletableFuture<>()), wait);
    }

    /** Voids expired holds through the same single writer, so they serialise with transfers. */
    public CompletableFuture<List<TransferEngine.Result>> expire(List<UUID> pendingIds, Duration wait) {
        Map<UUID, UUID> expiries = new LinkedHashMap<>();
        for (UUID pendingId : pendingIds.subList(0, Math.min(pendingIds.size(), MAX_EXPIRIES_PER_BATCH))) {
            expiries.put(pendingId, expiryId(pendingId));
        }
        return enqueue(new Request(null, expiries, new CompletableFuture<>()), wait);
    }

    /** The expiry of a hold always has the same id, so expiring twice is impossible. */
    public static UUID expiryId(UUID pendingId) {
        return UUID.nameUUIDFromBytes(("expiry:" + pendingId).getBytes(StandardCharsets.UTF_8));
    }

    private CompletableFuture<List<TransferEngine.Result>> enqueue(Request request, Duration wait) {
        if (!running) {
            throw new LedgerBusyException();
        }
        try {
            if (!queuedTransfers.tryAcquire(request.size(), wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new LedgerBusyException();
            }
            if (!queue.offer(request, wait.toMillis(), TimeUnit.MILLISECONDS)) {
                queuedTransfers.release(request.size());
                throw new LedgerBusyException();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerBusyException();
        }
        return request.result();
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::loop, "ledger-writer");
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Request request; (request = queue.poll()) != null; ) {
            request.result().completeExceptionally(new LedgerBusyException());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the web server has stopped taking requests (which stops at a higher phase). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }

    public int queueCapacityTransfers() {
        return queueCapacityTransfers;
    }

    private void loop() {
        List<Request> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            int transfers = 0;
            try {
                Request first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                transfers = first.size();
                // Take what is already waiting; never split a request (its linked chains must stay whole). Only this
                // thread takes from the queue, so the request peeked at is the one polled.
                while (batch.size() < MAX_REQUESTS_PER_BATCH) {
                    Request next = queue.peek();
                    if (next == null || transfers + next.size() > maxTransfersPerCommit) {
                        break;
                    }
                    batch.add(queue.poll());
                    transfers += next.size();
                }
                process(batch, transfers);
            } catch (InterruptedException e) {
                if (!running && queue.isEmpty()) {
                    return;
                }
            } catch (RuntimeException e) {
                // The writer must not die: the requests in its hands would wait for their timeout, and every later one
                // with them. Answering them twice is harmless (a future completes once).
                log.error("ledger writer failed outside a batch's transaction", e);
                batch.forEach(request -> request.result().completeExceptionally(e));
            } finally {
                // Whatever happened to the batch, its requests have their answer and no longer hold queue places.
                queuedTransfers.release(transfers);
                batch.clear();
            }
        }
    }

    private void process(List<Request> batch, int transfers) {
        List<List<TransferEngine.Result>> results = new ArrayList<>(batch.size());
        batchTransfers.record(transfers);
        long[] phaseEnds = new long[3];
        try {
            // The timer records a rolled-back batch too.
            batchDuration.record(() -> transactions.executeWithoutResult(status -> {
                results.clear();
                long readStart = System.nanoTime();
                LedgerStore.BatchReads reads = read(batch);
                phaseEnds[0] = System.nanoTime();
                readPhase.record(phaseEnds[0] - readStart, TimeUnit.NANOSECONDS);
                LedgerSnapshot state = new LedgerSnapshot(reads.accounts(), reads.transfers(), reads.pendingStatuses());
                long nowMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
                TransferEngine engine = new TransferEngine(state, reads.lastTimestamp(), nowMicros);
                for (Request request : batch) {
                    results.add(request.commands() != null ? engine.apply(request.commands()) : engine.expire(request.expiries()));
                }
                List<Transfer> created = engine.createdTransfers();
                Map<UUID, Long> expiries = new HashMap<>();
                for (Transfer transfer : created) {
                    if (engine.pendingChanges().get(transfer.id()) == PendingStatus.PENDING) {
                        expiries.put(transfer.id(), transfer.expiresAtMicros());
                    }
                }
                phaseEnds[1] = System.nanoTime();
                applyPhase.record(phaseEnds[1] - phaseEnds[0], TimeUnit.NANOSECONDS);
                store.writeBatch(created, engine.touchedAccounts(), engine.pendingChanges(), expiries, engine.lastTimestamp());
                phaseEnds[2] = System.nanoTime();
                writePhase.record(phaseEnds[2] - phaseEnds[1], TimeUnit.NANOSECONDS);
            }));
        } catch (RuntimeException e) {
            log.error("ledger batch of {} transfers failed and was rolled back", transfers, e);
            for (Request request : batch) {
                request.result().completeExceptionally(e);
            }
            return;
        }
        long committed = System.nanoTime();
        commitPhase.record(committed - phaseEnds[2], TimeUnit.NANOSECONDS);
        for (int index = 0; index < batch.size(); index++) {
            batch.get(index).result().complete(results.get(index));
        }
        afterCommit.forEach(Runnable::run);
        answerPhase.record(System.nanoTime() - committed, TimeUnit.NANOSECONDS);
    }

    /** Everything the batch can touch, in one round trip, its locks taken in a fixed order (see the store). */
    private LedgerStore.BatchReads read(List<Request> batch) {
        Set<UUID> transferIds = new HashSet<>();
        Set<UUID> pendingIds = new HashSet<>();
        Set<UUID> accountIds = new HashSet<>();
        for (Request request : batch) {
            if (request.commands() != null) {
                for (TransferCommand command : request.commands()) {
                    transferIds.add(command.id());
                    if (command.pendingId() != null) {
                        pendingIds.add(command.pendingId());
                    }
                    if (command.debitAccountId() != null) {
                        accountIds.add(command.debitAccountId());
                    }
                    if (command.creditAccountId() != null) {
                        accountIds.add(command.creditAccountId());
                    }
                }
            } else {
                pendingIds.addAll(request.expiries().keySet());
                transferIds.addAll(request.expiries().values());
            }
        }
        Set<UUID> lookups = new HashSet<>(transferIds);
        lookups.addAll(pendingIds);
        return store.lockAndRead(lookups, accountIds, pendingIds);
    }
}

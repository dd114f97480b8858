package io.quipu.sandbox.domain.settlement;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The payments a simulated network accepted, at most {@code capacity} (the oldest go first), and their life:
 * {@code accepted → settled} once the settlement delay has passed, then {@code → returned} after the return delay when
 * the plan says so. Time is given by the caller, so the rules are tested without waiting. Thread-safe.
 */
public final class SettlementBook<R> {

    private final int capacity;
    private final Duration settlementDelay;
    private final Duration returnDelay;
    private final LinkedHashMap<String, SettlementRecord<R>> oldestFirst = new LinkedHashMap<>();
    private final Map<String, String> idByKey = new HashMap<>();

    public SettlementBook(int capacity, Duration settlementDelay, Duration returnDelay) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.settlementDelay = requireNotNegative(settlementDelay, "settlementDelay");
        this.returnDelay = requireNotNegative(returnDelay, "returnDelay");
    }

    /**
     * Accepts the request under the client's key, unless the key is known (then the stored payment answers, or the
     * key was reused for another request) or the network rejects it ({@code rejection} non-empty).
     */
    public synchronized Submission<R> submit(String idempotencyKey, R request, Optional<String> rejection,
            SettlementPlan plan, Supplier<String> newId, Instant now) {
        Objects.requireNonNull(request, "request");
        String knownId = idByKey.get(idempotencyKey);
        if (knownId != null) {
            SettlementRecord<R> existing = oldestFirst.get(knownId);
            return existing.request().equals(request) ? new Submission.Repeated<>(existing) : new Submission.KeyReused<>(existing);
        }
        if (rejection.isPresent()) {
            return new Submission.Rejected<>(rejection.get());
        }
        String id = newId.get();
        if (oldestFirst.containsKey(id)) {
            throw new IllegalStateException("the network issued the reference " + id + " twice");
        }
        SettlementRecord<R> record = SettlementRecord.accepted(id, idempotencyKey, request, plan, now);
        oldestFirst.put(id, record);
        idByKey.put(idempotencyKey, id);
        while (oldestFirst.size() > capacity) {
            SettlementRecord<R> oldest = oldestFirst.values().iterator().next();
            oldestFirst.remove(oldest.id());
            idByKey.remove(oldest.idempotencyKey());
        }
        return new Submission.Accepted<>(record);
    }

    public synchronized Optional<SettlementRecord<R>> find(String id) {
        return Optional.ofNullable(oldestFirst.get(id));
    }

    public synchronized Optional<SettlementRecord<R>> findByIdempotencyKey(String idempotencyKey) {
        String id = idByKey.get(idempotencyKey);
        return id == null ? Optional.empty() : Optional.ofNullable(oldestFirst.get(id));
    }

    /** The newest payments first, at most {@code limit}. */
    public synchronized List<SettlementRecord<R>> latest(int limit) {
        List<SettlementRecord<R>> newestFirst = new ArrayList<>(Math.min(limit, oldestFirst.size()));
        List<SettlementRecord<R>> all = new ArrayList<>(oldestFirst.values());
        for (int index = all.size() - 1; index >= 0 && newestFirst.size() < limit; index--) {
            newestFirst.add(all.get(index));
        }
        return newestFirst;
    }

    public synchronized int size() {
        return oldestFirst.size();
    }

    /** The changes that are due at {@code now}, made, in the order they happened (a payment may settle and return). */
    public synchronized List<SettlementRecord<R>> advance(Instant now) {
        List<SettlementRecord<R>> changes = new ArrayList<>();
        for (Map.Entry<String, SettlementRecord<R>> entry : oldestFirst.entrySet()) {
            SettlementRecord<R> record = entry.getValue();
            if (record.status() == SettlementStatus.ACCEPTED && record.plan().settlesByItself()) {
                Instant due = record.acceptedAt().plus(settlementDelay);
                if (!due.isAfter(now)) {
                    record = record.settled(due);
                    changes.add(record);
                }
            }
            if (record.status() == SettlementStatus.SETTLED && record.plan().returnCode() != null) {
                Instant due = record.settledAt().plus(returnDelay);
                if (!due.isAfter(now)) {
                    record = record.returned(record.plan().returnCode(), due);
                    changes.add(record);
                }
            }
            entry.setValue(record);
        }
        return changes;
    }

    /** Settles an accepted payment now (the control panel). A payment planned to be returned still is, later. */
    public synchronized Change<R> settle(String id, Instant now) {
        SettlementRecord<R> record = oldestFirst.get(id);
        if (record == null) {
            return new Change.NotFound<>();
        }
        if (record.status() != SettlementStatus.ACCEPTED) {
            return new Change.NotAllowed<>(record);
        }
        SettlementRecord<R> settled = record.settled(now);
        oldestFirst.put(id, settled);
        return new Change.Made<>(settled);
    }

    /** Returns an accepted or settled payment now with the reason code (the control panel). */
    public synchronized Change<R> returnPayment(String id, String returnCode, Instant now) {
        ReturnCodes.requireValid(returnCode);
        SettlementRecord<R> record = oldestFirst.get(id);
        if (record == null) {
            return new Change.NotFound<>();
        }
        if (record.status() == SettlementStatus.RETURNED) {
            return new Change.NotAllowed<>(record);
        }
        SettlementRecord<R> returned = record.returned(returnCode, now);
        oldestFirst.put(id, returned);
        return new Change.Made<>(returned);
    }

    /** The outcome of a control call. */
    public sealed interface Change<R> {
        record Made<R>(SettlementRecord<R> record) implements Change<R> {
        }

        record NotFound<R>() implements Change<R> {
        }

        /** The payment's status does not allow it (settling a settled payment, returning a returned one). */
        record NotAllowed<R>(SettlementRecord<R> record) implements Change<R> {
        }
    }

    private static Duration requireNotNegative(Duration duration, String name) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative: " + duration);
        }
        return duration;
    }
}

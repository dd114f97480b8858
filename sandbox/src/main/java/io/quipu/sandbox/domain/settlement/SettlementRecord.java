package io.quipu.sandbox.domain.settlement;

import java.time.Instant;
import java.util.Objects;

/**
 * A payment a simulated network accepted, as it is now. Immutable: each status change is a new record.
 *
 * @param id             the network's reference (a trace number, a UETR)
 * @param idempotencyKey the client's key: the same key with the same request is the same payment
 * @param request        the request as accepted, compared with a repeated one
 * @param returnCode     the reason of a return; null unless returned
 */
public record SettlementRecord<R>(String id, String idempotencyKey, R request, SettlementPlan plan,
        SettlementStatus status, String returnCode, Instant acceptedAt, Instant settledAt, Instant returnedAt) {

    public SettlementRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(acceptedAt, "acceptedAt");
    }

    static <R> SettlementRecord<R> accepted(String id, String idempotencyKey, R request, SettlementPlan plan, Instant at) {
        return new SettlementRecord<>(id, idempotencyKey, request, plan, SettlementStatus.ACCEPTED, null, at, null, null);
    }

    SettlementRecord<R> settled(Instant at) {
        return new SettlementRecord<>(id, idempotencyKey, request, plan, SettlementStatus.SETTLED, null, acceptedAt, at, null);
    }

    SettlementRecord<R> returned(String code, Instant at) {
        return new SettlementRecord<>(id, idempotencyKey, request, plan, SettlementStatus.RETURNED, code, acceptedAt, settledAt, at);
    }

    /** When the current status was reached. */
    public Instant statusAt() {
        return switch (status) {
            case ACCEPTED -> acceptedAt;
            case SETTLED -> settledAt;
            case RETURNED -> returnedAt;
        };
    }
}

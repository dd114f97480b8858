package io.quipu.contracts.ledger;

import java.util.UUID;

/**
 * The outcome of one transfer: {@code result} is a precise code ({@code ok}, {@code exists},
 * {@code exceeds_credits}, {@code linked_event_failed}, ...); {@code transfer} is present for {@code ok} and
 * {@code exists} (then it is the original transfer).
 */
public record TransferResult(int index, UUID id, String result, TransferResponse transfer) {

    public boolean succeeded() {
        return "ok".equals(result) || "exists".equals(result);
    }
}

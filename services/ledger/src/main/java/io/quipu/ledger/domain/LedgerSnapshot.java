package io.quipu.ledger.domain;

import java.util.Map;
import java.util.UUID;

/** The state a batch can touch, as loaded (accounts locked) by the store: what {@link TransferEngine} reads. */
public record LedgerSnapshot(Map<UUID, Account> accounts, Map<UUID, Transfer> transfers,
                             Map<UUID, PendingStatus> pendingStatuses) implements TransferEngine.State {

    @Override
    public Account account(UUID id) {
        return accounts.get(id);
    }

    @Override
    public Transfer transfer(UUID id) {
        return transfers.get(id);
    }

    @Override
    public PendingStatus pendingStatus(UUID pendingId) {
        return pendingStatuses.get(pendingId);
    }
}

package io.quipu.ledger.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The engine's state kept in memory, committed after each apply like the store does: a ledger for tests. */
final class InMemoryLedger {

    final Map<UUID, Account> accounts = new LinkedHashMap<>();
    final Map<UUID, Transfer> transfers = new LinkedHashMap<>();
    final Map<UUID, PendingStatus> pendingStatuses = new HashMap<>();
    long lastTimestamp;
    long nowMicros = 1_700_000_000_000_000L;

    Account open(String currency, boolean debitsMustNotExceedCredits) {
        Account account = Account.open(UUID.randomUUID(), currency, debitsMustNotExceedCredits, false);
        accounts.put(account.id(), account);
        return account;
    }

    List<TransferEngine.Result> apply(TransferCommand... commands) {
        return apply(List.of(commands));
    }

    List<TransferEngine.Result> apply(List<TransferCommand> commands) {
        TransferEngine engine = new TransferEngine(new LedgerSnapshot(accounts, transfers, pendingStatuses), lastTimestamp, nowMicros);
        List<TransferEngine.Result> results = engine.apply(commands);
        commit(engine);
        return results;
    }

    List<TransferEngine.Result> expire(Map<UUID, UUID> expiries) {
        TransferEngine engine = new TransferEngine(new LedgerSnapshot(accounts, transfers, pendingStatuses), lastTimestamp, nowMicros);
        List<TransferEngine.Result> results = engine.expire(expiries);
        commit(engine);
        return results;
    }

    private void commit(TransferEngine engine) {
        for (Transfer transfer : engine.createdTransfers()) {
            if (transfer.timestamp() <= lastTimestamp) {
                throw new AssertionError("timestamps must increase strictly");
            }
            transfers.put(transfer.id(), transfer);
            lastTimestamp = transfer.timestamp();
        }
        engine.touchedAccounts().forEach(account -> accounts.put(account.id(), account.copy()));
        pendingStatuses.putAll(engine.pendingChanges());
        lastTimestamp = Math.max(lastTimestamp, engine.lastTimestamp());
    }

    Account get(UUID id) {
        return accounts.get(id);
    }

    List<Transfer> all() {
        return new ArrayList<>(transfers.values());
    }

    static TransferCommand move(UUID id, Account debit, Account credit, long amount) {
        return new TransferCommand(id, debit.id(), credit.id(), amount, debit.currency(), "test", 0, null, null, null);
    }

    static TransferCommand move(UUID id, Account debit, Account credit, long amount, int flags) {
        return new TransferCommand(id, debit.id(), credit.id(), amount, debit.currency(), "test", flags, null, null, null);
    }

    static TransferCommand resolve(UUID id, UUID pendingId, Long amount, String currency, int flags) {
        return new TransferCommand(id, null, null, amount, currency, "test", flags, pendingId, null, null);
    }
}

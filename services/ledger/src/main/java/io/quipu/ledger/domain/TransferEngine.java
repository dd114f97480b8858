package io.quipu.ledger.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Applies transfers in order to a batch's accounts, in memory, with TigerBeetle's rules: double entry (every amount
 * debited from one account is credited to another), balance limits, two-phase transfers, linked chains that succeed
 * or fail as a whole, and idempotency by transfer id. The caller loads the state (accounts locked), applies, then
 * writes {@link #createdTransfers()}, {@link #touchedAccounts()} and {@link #pendingChanges()} in one transaction.
 *
 * <p>Plain Java with no I/O: a hot account costs nothing extra, and every rule is unit- and property-tested here.
 */
public final class TransferEngine {

    public static final long MAX_TIMEOUT_SECONDS = 30L * 24 * 60 * 60;
    public static final int MAX_METADATA_BYTES = 2048;
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,31}");
    private static final int TRANSFER_TYPE_FLAGS = TransferFlags.PENDING | TransferFlags.POST_PENDING | TransferFlags.VOID_PENDING;

    /** What the engine reads: committed state, the batch's accounts already locked by the caller. */
    public interface State {
        /** The account, or null when there is none. The engine works on a copy. */
        Account account(UUID id);

        /** A committed transfer, or null. */
        Transfer transfer(UUID id);

        /** A committed pending transfer's status, or null when it is not a pending transfer. */
        PendingStatus pendingStatus(UUID pendingId);
    }

    public record Result(ResultCode code, Transfer transfer) {
    }

    private final State state;
    private final long nowMicros;
    private long lastTimestamp;
    private final Map<UUID, Account> accounts = new HashMap<>();
    private final Map<UUID, Transfer> created = new LinkedHashMap<>();
    private final Map<UUID, PendingStatus> pendingChanges = new HashMap<>();
    private final List<Undo> undoLog = new ArrayList<>();

    /**
     * @param lastTimestamp the newest timestamp the ledger ever gave (new ones are strictly greater)
     * @param nowMicros     the wall clock, in microseconds since the epoch
     */
    public TransferEngine(State state, long lastTimestamp, long nowMicros) {
        this.state = Objects.requireNonNull(state);
        this.lastTimestamp = lastTimestamp;
        this.nowMicros = nowMicros;
    }

    /**
     * Applies one request's transfers in order. A chain of {@code LINKED} transfers ends at the first transfer without
     * the flag; a chain still open at the end of the list fails whole with {@code linked_event_chain_open}.
     */
    public List<Result> apply(List<TransferCommand> commands) {
        List<Result> results = new ArrayList<>(commands.size());
        int chainStart = -1;
        for (int index = 0; index < commands.size(); index++) {
            TransferCommand command = commands.get(index);
            boolean linked = command.has(TransferFlags.LINKED);
            if (chainStart < 0) {
                undoLog.clear(); // only a chain is ever undone
                if (linked) {
                    chainStart = index;
                }
            }
            boolean chainOpen = linked && index == commands.size() - 1;
            Result result = chainOpen ? new Result(ResultCode.LINKED_EVENT_CHAIN_OPEN, null) : applyOne(command);
            results.add(result);
            boolean inChain = chainStart >= 0;
            if (inChain && !result.code().succeeded()) {
                rollBackChain(results, chainStart, index);
                // Skip the rest of the chain: its members fail with linked_event_failed.
                int end = index;
                while (end < commands.size() - 1 && commands.get(end).has(TransferFlags.LINKED)) {
                    end++;
                    results.add(new Result(commands.get(end).has(TransferFlags.LINKED) && end == commands.size() - 1
                            ? ResultCode.LINKED_EVENT_CHAIN_OPEN : ResultCode.LINKED_EVENT_FAILED, null));
                }
                index = end;
                chainStart = -1;
                undoLog.clear();
                continue;
            }
            if (inChain && !linked) {
                chainStart = -1;
                undoLog.clear();
            }
        }
        assert results.size() == commands.size();
        return results;
    }

    /** Voids pending transfers whose timeout passed; each becomes an {@code expired} transfer with the given id. */
    public List<Result> expire(Map<UUID, UUID> expiryIdByPendingId) {
        List<Result> results = new ArrayList<>();
        undoLog.clear();
        for (Map.Entry<UUID, UUID> entry : expiryIdByPendingId.entrySet()) {
            Transfer pending = transfer(entry.getKey());
            if (pending == null || pendingStatus(pending.id()) != PendingStatus.PENDING || !isExpired(pending)) {
                results.add(new Result(ResultCode.PENDING_TRANSFER_NOT_PENDING, null));
                continue;
            }
            Account debit = account(pending.debitAccountId());
            Account credit = account(pending.creditAccountId());
            debit.addDebitsPending(-pending.amount());
            credit.addCreditsPending(-pending.amount());
            pendingChanges.put(pending.id(), PendingStatus.EXPIRED);
            Transfer expiry = record(new TransferCommand(entry.getValue(), pending.debitAccountId(), pending.creditAccountId(),
                    pending.amount(), pending.currency(), "pending_expired", TransferFlags.VOID_PENDING | TransferFlags.EXPIRED,
                    pending.id(), null, null), pending.amount(), debit, credit);
            results.add(new Result(ResultCode.OK, expiry));
        }
        undoLog.clear();
        return results;
    }

    public List<Transfer> createdTransfers() {
        return List.copyOf(created.values());
    }

    /** Accounts whose balances this batch read or changed, with their final balances. */
    public Collection<Account> touchedAccounts() {
        return accounts.values();
    }

    public Map<UUID, PendingStatus> pendingChanges() {
        return pendingChanges;
    }

    public long lastTimestamp() {
        return lastTimestamp;
    }

    private Result applyOne(TransferCommand command) {
        ResultCode invalid = validate(command);
        if (invalid != null) {
            return new Result(invalid, null);
        }
        Transfer existing = transfer(command.id());
        if (existing != null) {
            return new Result(compareWithExisting(command, existing), existing);
        }
        if (command.has(TransferFlags.POST_PENDING) || command.has(TransferFlags.VOID_PENDING)) {
            return resolvePending(command);
        }
        return applyNew(command);
    }

    /** Rules that need no state. */
    private static ResultCode validate(TransferCommand command) {
        int flags = command.flags();
        if ((flags & ~TransferFlags.ALL_CLIENT_FLAGS) != 0 || Integer.bitCount(flags & TRANSFER_TYPE_FLAGS) > 1) {
            return ResultCode.FLAGS_ARE_MUTUALLY_EXCLUSIVE;
        }
        boolean balancing = (flags & (TransferFlags.BALANCING_DEBIT | TransferFlags.BALANCING_CREDIT)) != 0;
        boolean resolvesPending = (flags & (TransferFlags.POST_PENDING | TransferFlags.VOID_PENDING)) != 0;
        if (balancing && resolvesPending) {
            return ResultCode.FLAGS_ARE_MUTUALLY_EXCLUSIVE;
        }
        if (resolvesPending) {
            if (command.pendingId() == null) {
                return ResultCode.PENDING_ID_REQUIRED;
            }
            if (command.pendingId().equals(command.id())) {
                return ResultCode.PENDING_ID_MUST_BE_DIFFERENT;
            }
        } else {
            if (command.pendingId() != null) {
                return ResultCode.PENDING_ID_MUST_BE_NULL;
            }
            if (command.debitAccountId() == null) {
                return ResultCode.DEBIT_ACCOUNT_ID_REQUIRED;
            }
            if (command.creditAccountId() == null) {
                return ResultCode.CREDIT_ACCOUNT_ID_REQUIRED;
            }
            if (command.amount() == null) {
                return ResultCode.AMOUNT_REQUIRED;
            }
        }
        if (command.debitAccountId() != null && command.debitAccountId().equals(command.creditAccountId())) {
            return ResultCode.ACCOUNTS_MUST_BE_DIFFERENT;
        }
        if (command.amount() != null && command.amount() <= 0) {
            return ResultCode.AMOUNT_MUST_BE_POSITIVE;
        }
        if (command.timeoutSeconds() != null && command.timeoutSeconds() != 0) {
            if (!command.has(TransferFlags.PENDING)) {
                return ResultCode.TIMEOUT_RESERVED_FOR_PENDING_TRANSFER;
            }
            if (command.timeoutSeconds() < 0 || command.timeoutSeconds() > MAX_TIMEOUT_SECONDS) {
                return ResultCode.TIMEOUT_OUT_OF_RANGE;
            }
        }
        if (command.code() == null || !CODE.matcher(command.code()).matches()) {
            return ResultCode.INVALID_CODE;
        }
        if (command.metadata() != null && command.metadata().getBytes(StandardCharsets.UTF_8).length > MAX_METADATA_BYTES) {
            return ResultCode.METADATA_TOO_LARGE;
        }
        return null;
    }

    private static ResultCode compareWithExisting(TransferCommand command, Transfer existing) {
        if (command.flags() != existing.flags()) {
            return ResultCode.EXISTS_WITH_DIFFERENT_FLAGS;
        }
        if (command.debitAccountId() != null && !command.debitAccountId().equals(existing.debitAccountId())) {
            return ResultCode.EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT_ID;
        }
        if (command.creditAccountId() != null && !command.creditAccountId().equals(existing.creditAccountId())) {
            return ResultCode.EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT_ID;
        }
        // A balancing transfer may have moved less than asked; TigerBeetle compares those only loosely too.
        boolean balancing = existing.has(TransferFlags.BALANCING_DEBIT) || existing.has(TransferFlags.BALANCING_CREDIT);
        if (command.amount() != null && (balancing ? command.amount() < existing.amount() : command.amount() != existing.amount())) {
            return ResultCode.EXISTS_WITH_DIFFERENT_AMOUNT;
        }
        if (!existing.currency().equals(command.currency())) {
            return ResultCode.EXISTS_WITH_DIFFERENT_CURRENCY;
        }
        if (!Objects.equals(command.pendingId(), existing.pendingId())) {
            return ResultCode.EXISTS_WITH_DIFFERENT_PENDING_ID;
        }
        if (!Objects.equals(zeroIfNull(command.timeoutSeconds()), zeroIfNull(existing.timeoutSeconds()))) {
            return ResultCode.EXISTS_WITH_DIFFERENT_TIMEOUT;
        }
        if (!existing.code().equals(command.code())) {
            return ResultCode.EXISTS_WITH_DIFFERENT_CODE;
        }
        if (!Objects.equals(command.metadata(), existing.metadata())) {
            return ResultCode.EXISTS_WITH_DIFFERENT_METADATA;
        }
        return ResultCode.EXISTS;
    }

    private Result applyNew(TransferCommand command) {
        Account debit = account(command.debitAccountId());
        if (debit == null) {
            return new Result(ResultCode.DEBIT_ACCOUNT_NOT_FOUND, null);
        }
        Account credit = account(command.creditAccountId());
        if (credit == null) {
            return new Result(ResultCode.CREDIT_ACCOUNT_NOT_FOUND, null);
        }
        ResultCode usable = checkUsable(command.currency(), debit, credit, false);
        if (usable != null) {
            return new Result(usable, null);
        }
        long amount = command.amount();
        if (command.has(TransferFlags.BALANCING_DEBIT) && debit.debitsMustNotExceedCredits()) {
            amount = Math.min(amount, Math.max(0, debit.available()));
        }
        if (command.has(TransferFlags.BALANCING_CREDIT) && credit.creditsMustNotExceedDebits()) {
            amount = Math.min(amount, Math.max(0, credit.debitsPosted() - credit.creditsPosted() - credit.creditsPending()));
        }
        if (amount == 0) {
            return new Result(command.has(TransferFlags.BALANCING_DEBIT) ? ResultCode.EXCEEDS_CREDITS : ResultCode.EXCEEDS_DEBITS, null);
        }
        boolean pending = command.has(TransferFlags.PENDING);
        ResultCode overflow = checkOverflow(debit, credit, amount, pending);
        if (overflow != null) {
            return new Result(overflow, null);
        }
        if (debit.debitsMustNotExceedCredits()
                && debit.debitsPending() + debit.debitsPosted() + amount > debit.creditsPosted()) {
            return new Result(ResultCode.EXCEEDS_CREDITS, null);
        }
        if (credit.creditsMustNotExceedDebits()
                && credit.creditsPending() + credit.creditsPosted() + amount > credit.debitsPosted()) {
            return new Result(ResultCode.EXCEEDS_DEBITS, null);
        }
        saveForUndo(debit);
        saveForUndo(credit);
        if (pending) {
            debit.addDebitsPending(amount);
            credit.addCreditsPending(amount);
            savePendingForUndo(command.id());
            pendingChanges.put(command.id(), PendingStatus.PENDING);
        } else {
            debit.addDebitsPosted(amount);
            credit.addCreditsPosted(amount);
        }
        return new Result(ResultCode.OK, record(command, amount, debit, credit));
    }

    private Result resolvePending(TransferCommand command) {
        Transfer pending = transfer(command.pendingId());
        if (pending == null) {
            return new Result(ResultCode.PENDING_TRANSFER_NOT_FOUND, null);
        }
        if (!pending.has(TransferFlags.PENDING)) {
            return new Result(ResultCode.PENDING_TRANSFER_NOT_PENDING, null);
        }
        if (command.debitAccountId() != null && !command.debitAccountId().equals(pending.debitAccountId())) {
            return new Result(ResultCode.PENDING_TRANSFER_HAS_DIFFERENT_DEBIT_ACCOUNT_ID, null);
        }
        if (command.creditAccountId() != null && !command.creditAccountId().equals(pending.creditAccountId())) {
            return new Result(ResultCode.PENDING_TRANSFER_HAS_DIFFERENT_CREDIT_ACCOUNT_ID, null);
        }
        if (!pending.currency().equals(command.currency())) {
            return new Result(ResultCode.PENDING_TRANSFER_HAS_DIFFERENT_CURRENCY, null);
        }
        boolean post = command.has(TransferFlags.POST_PENDING);
        long amount = command.amount() == null ? pending.amount() : command.amount();
        if (amount > pending.amount()) {
            return new Result(ResultCode.EXCEEDS_PENDING_TRANSFER_AMOUNT, null);
        }
        if (!post && amount != pending.amount()) {
            return new Result(ResultCode.PENDING_TRANSFER_HAS_DIFFERENT_AMOUNT, null);
        }
        PendingStatus status = pendingStatus(pending.id());
        if (status == PendingStatus.POSTED) {
            return new Result(ResultCode.PENDING_TRANSFER_ALREADY_POSTED, null);
        }
        if (status == PendingStatus.VOIDED) {
            return new Result(ResultCode.PENDING_TRANSFER_ALREADY_VOIDED, null);
        }
        if (status == PendingStatus.EXPIRED || isExpired(pending)) {
            return new Result(ResultCode.PENDING_TRANSFER_EXPIRED, null);
        }
        Account debit = account(pending.debitAccountId());
        Account credit = account(pending.creditAccountId());
        // Releasing a hold is allowed on a frozen account; moving money is not.
        ResultCode usable = checkUsable(command.currency(), debit, credit, !post);
        if (usable != null) {
            return new Result(usable, null);
        }
        if (post && debit.debitsPosted() > Long.MAX_VALUE - amount) {
            return new Result(ResultCode.OVERFLOWS_DEBITS, null);
        }
        if (post && credit.creditsPosted() > Long.MAX_VALUE - amount) {
            return new Result(ResultCode.OVERFLOWS_CREDITS, null);
        }
        saveForUndo(debit);
        saveForUndo(credit);
        savePendingForUndo(pending.id());
        debit.addDebitsPending(-pending.amount());
        credit.addCreditsPending(-pending.amount());
        if (post) {
            debit.addDebitsPosted(amount);
            credit.addCreditsPosted(amount);
        }
        pendingChanges.put(pending.id(), post ? PendingStatus.POSTED : PendingStatus.VOIDED);
        TransferCommand resolved = new TransferCommand(command.id(), pending.debitAccountId(), pending.creditAccountId(),
                amount, command.currency(), command.code(), command.flags(), command.pendingId(), command.timeoutSeconds(),
                command.metadata());
        return new Result(ResultCode.OK, record(resolved, amount, debit, credit));
    }

    private static ResultCode checkUsable(String currency, Account debit, Account credit, boolean releasingHold) {
        if (!debit.currency().equals(currency) || !credit.currency().equals(currency)) {
            return ResultCode.CURRENCY_MISMATCH;
        }
        if (debit.status() == AccountStatus.CLOSED || credit.status() == AccountStatus.CLOSED) {
            return ResultCode.ACCOUNT_CLOSED;
        }
        if (!releasingHold && (debit.status() == AccountStatus.FROZEN || credit.status() == AccountStatus.FROZEN)) {
            return ResultCode.ACCOUNT_FROZEN;
        }
        return null;
    }

    private static ResultCode checkOverflow(Account debit, Account credit, long amount, boolean pending) {
        long debits = pending ? debit.debitsPending() : debit.debitsPosted();
        long credits = pending ? credit.creditsPending() : credit.creditsPosted();
        // Also the sums the limit checks add up must fit.
        if (debits > Long.MAX_VALUE - amount || debit.debitsPending() > Long.MAX_VALUE - debit.debitsPosted() - amount) {
            return ResultCode.OVERFLOWS_DEBITS;
        }
        if (credits > Long.MAX_VALUE - amount || credit.creditsPending() > Long.MAX_VALUE - credit.creditsPosted() - amount) {
            return ResultCode.OVERFLOWS_CREDITS;
        }
        return null;
    }

    private Transfer record(TransferCommand command, long amount, Account debit, Account credit) {
        lastTimestamp = Math.max(lastTimestamp + 1, nowMicros);
        Transfer transfer = new Transfer(command.id(), debit.id(), credit.id(), amount, command.currency(), command.code(),
                command.flags(), command.pendingId(), command.timeoutSeconds(), command.metadata(), lastTimestamp,
                debit.posted(), debit.available(), credit.posted(), credit.available());
        created.put(transfer.id(), transfer);
        undoLog.add(Undo.created(transfer.id()));
        return transfer;
    }

    private boolean isExpired(Transfer pending) {
        Long expiresAt = pending.expiresAtMicros();
        return expiresAt != null && expiresAt <= nowMicros;
    }

    private Account account(UUID id) {
        Account account = accounts.get(id);
        if (account == null) {
            Account loaded = state.account(id);
            if (loaded == null) {
                return null;
            }
            account = loaded.copy();
            accounts.put(id, account);
        }
        return account;
    }

    private Transfer transfer(UUID id) {
        Transfer transfer = created.get(id);
        return transfer != null ? transfer : state.transfer(id);
    }

    private PendingStatus pendingStatus(UUID pendingId) {
        PendingStatus changed = pendingChanges.get(pendingId);
        return changed != null ? changed : state.pendingStatus(pendingId);
    }

    private void saveForUndo(Account account) {
        undoLog.add(Undo.balances(account, account.copy()));
    }

    private void savePendingForUndo(UUID pendingId) {
        undoLog.add(Undo.pending(pendingId, pendingChanges.get(pendingId)));
    }

    /** Undoes every effect of the chain so far, newest first; the failing transfer had none. */
    private void rollBackChain(List<Result> results, int chainStart, int failedIndex) {
        for (int undo = undoLog.size() - 1; undo >= 0; undo--) {
            undoLog.get(undo).apply(this);
        }
        undoLog.clear();
        for (int index = chainStart; index < failedIndex; index++) {
            results.set(index, new Result(ResultCode.LINKED_EVENT_FAILED, null));
        }
    }

    private static long zeroIfNull(Long value) {
        return value == null ? 0 : value;
    }

    /** One reversible effect inside a linked chain. */
    private record Undo(Account account, Account saved, UUID createdId, UUID pendingId, PendingStatus previousPending, int kind) {
        static Undo balances(Account account, Account saved) {
            return new Undo(account, saved, null, null, null, 0);
        }

        static Undo created(UUID id) {
            return new Undo(null, null, id, null, null, 1);
        }

        static Undo pending(UUID pendingId, PendingStatus previous) {
            return new Undo(null, null, null, pendingId, previous, 2);
        }

        void apply(TransferEngine engine) {
            switch (kind) {
                case 0 -> account.restore(saved);
                case 1 -> engine.created.remove(createdId);
                default -> {
                    if (previousPending == null) {
                        engine.pendingChanges.remove(pendingId);
                    } else {
                        engine.pendingChanges.put(pendingId, previousPending);
                    }
                }
            }
        }
    }
}

package io.quipu.ledger.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.quipu.ledger.domain.Account;
import io.quipu.ledger.domain.AccountStatus;
import io.quipu.ledger.domain.PendingStatus;
import io.quipu.ledger.domain.Transfer;

/** SQL of the ledger. Batches are read and written set-wise: one statement per table, whatever the batch size. */
@Repository
public class LedgerStore {

    static final String ACCOUNT_COLUMNS = """
            id, account_number, cci, customer_id, product, currency, debits_must_not_exceed_credits,
            credits_must_not_exceed_debits, status, debits_pending, debits_posted, credits_pending, credits_posted, created_at""";
    static final String TRANSFER_COLUMNS = """
            id, debit_account_id, credit_account_id, amount, currency, code, flags, pending_id, timeout_seconds,
            metadata::text as metadata, timestamp, debit_posted_after, debit_available_after, credit_posted_after,
            credit_available_after""";

    private final JdbcClient jdbc;
    private final JdbcOperations operations;

    public LedgerStore(JdbcClient jdbc, JdbcOperations operations) {
        this.jdbc = jdbc;
        this.operations = operations;
    }

    // ---- accounts

    public long nextAccountSequence() {
        return jdbc.sql("select nextval('account_number_sequence')").query(Long.class).single();
    }

    /** Inserts the account unless one with the id exists; true if inserted. */
    public boolean insertAccount(UUID id, String accountNumber, String cci, UUID customerId, String product, String currency,
                                 boolean debitsMustNotExceedCredits, boolean creditsMustNotExceedDebits) {
        return jdbc.sql("""
                        insert into accounts (id, account_number, cci, customer_id, product, currency,
                                              debits_must_not_exceed_credits, credits_must_not_exceed_debits)
                        values (:id, :number, :cci, :customer, :product, :currency, :debitsLimited, :creditsLimited)
                        on conflict (id) do nothing""")
                .param("id", id).param("number", accountNumber).param("cci", cci).param("customer", customerId)
                .param("product", product).param("currency", currency)
                .param("debitsLimited", debitsMustNotExceedCredits).param("creditsLimited", creditsMustNotExceedDebits)
                .update() == 1;
    }

    /** A new account's row, numbers already allocated. */
    public record NewAccount(UUID id, String accountNumber, String cci, UUID customerId, String product, String currency,
                             boolean debitsMustNotExceedCredits, boolean creditsMustNotExceedDebits) {
    }

    /** {@code count} numbers of the account sequence in one statement. */
    public List<Long> nextAccountSequences(int count) {
        if (count == 0) {
            return List.of();
        }
        return jdbc.sql("select nextval('account_number_sequence') from generate_series(1, :count)")
                .param("count", count).query(Long.class).list();
    }

    /**
     * Inserts the accounts whose id is not taken yet, with one INSERT … SELECT FROM unnest(arrays).
     *
     * @return the ids inserted (an id that exists, or came earlier in the list, is left out)
     */
    public Set<UUID> insertAccounts(List<NewAccount> accounts) {
        if (accounts.isEmpty()) {
            return Set.of();
        }
        int size = accounts.size();
        UUID[] ids = new UUID[size];
        String[] numbers = new String[size];
        String[] ccis = new String[size];
        UUID[] customers = new UUID[size];
        String[] products = new String[size];
        String[] currencies = new String[size];
        Boolean[] debitsLimited = new Boolean[size];
        Boolean[] creditsLimited = new Boolean[size];
        for (int index = 0; index < size; index++) {
            NewAccount account = accounts.get(index);
            ids[index] = account.id();
            numbers[index] = account.accountNumber();
            ccis[index] = account.cci();
            customers[index] = account.customerId();
            products[index] = account.product();
            currencies[index] = account.currency();
            debitsLimited[index] = account.debitsMustNotExceedCredits();
            creditsLimited[index] = account.creditsMustNotExceedDebits();
        }
        return new HashSet<>(jdbc.sql("""
                        insert into accounts (id, account_number, cci, customer_id, product, currency,
                                              debits_must_not_exceed_credits, credits_must_not_exceed_debits)
                        select id, number, cci, customer, product, currency, debits_limited, credits_limited
                        from unnest(:ids::uuid[], :numbers::text[], :ccis::text[], :customers::uuid[], :products::text[],
                                    :currencies::text[], :debitsLimited::boolean[], :creditsLimited::boolean[])
                             as batch(id, number, cci, customer, product, currency, debits_limited, credits_limited)
                        on conflict (id) do nothing
                        returning id""")
                .param("ids", ids).param("numbers", numbers).param("ccis", ccis).param("customers", customers)
                .param("products", products).param("currencies", currencies)
                .param("debitsLimited", debitsLimited).param("creditsLimited", creditsLimited)
                .query(UUID.class).list());
    }

    public Map<UUID, AccountRecord> findAccounts(Collection<UUID> ids) {
        Map<UUID, AccountRecord> accounts = new HashMap<>();
        if (ids.isEmpty()) {
            return accounts;
        }
        jdbc.sql("select " + ACCOUNT_COLUMNS + " from accounts where id = any(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query(LedgerStore::accountRecord)
                .list()
                .forEach(record -> accounts.put(record.id(), record));
        return accounts;
    }

    public Optional<AccountRecord> findAccount(UUID id) {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + " from accounts where id = :id").param("id", id)
                .query(LedgerStore::accountRecord).optional();
    }

    public Optional<AccountRecord> lockAccount(UUID id) {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + " from accounts where id = :id for update").param("id", id)
                .query(LedgerStore::accountRecord).optional();
    }

    public Optional<AccountRecord> findAccountByNumber(String accountNumber) {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + " from accounts where account_number = :number or cci = :number")
                .param("number", accountNumber)
                .query(LedgerStore::accountRecord).optional();
    }

    public List<AccountRecord> accountsOfCustomer(UUID customerId, int limit) {
        return jdbc.sql("select " + ACCOUNT_COLUMNS + " from accounts where customer_id = :customer order by created_at, id limit :limit")
                .param("customer", customerId).param("limit", limit)
                .query(LedgerStore::accountRecord).list();
    }

    public void updateStatus(UUID id, AccountStatus status) {
        jdbc.sql("update accounts set status = :status where id = :id").param("status", status.name()).param("id", id).update();
    }

    // ---- batches (called inside the writer's transaction)

    /**
     * Everything a batch may touch, read in one round trip to PostgreSQL (pgjdbc sends the four statements with one
     * sync; they run in this order): the ledger clock, locked — every batch on every instance takes it first, so
     * batches commit one after another and timestamps follow commit order; the transfers with these ids; the accounts
     * with these ids and those of these pending transfers (a post or void names only the pending transfer), locked in
     * id order after the clock, so no two batches can deadlock; the statuses of these pending transfers.
     */
    private static final String READ_BATCH = """
            select last_timestamp from ledger_clock for update;
            select %s from transfers where id = any(?::uuid[]);
            select %s from accounts
             where id = any(array_cat(?::uuid[], array(select debit_account_id from transfers where id = any(?::uuid[])
                                                    union all
                                                    select credit_account_id from transfers where id = any(?::uuid[]))))
             order by id for update;
            select id, status from pending_transfers where id = any(?::uuid[])""".formatted(TRANSFER_COLUMNS, ACCOUNT_COLUMNS);

    public record BatchReads(long lastTimestamp, Map<UUID, Transfer> transfers, Map<UUID, Account> accounts,
                             Map<UUID, PendingStatus> pendingStatuses) {
    }

    /** @param transferIds the ids to look up: the batch's own (to find repeats) and the pending ones it posts or voids */
    public BatchReads lockAndRead(Collection<UUID> transferIds, Collection<UUID> accountIds, Collection<UUID> pendingIds) {
        UUID[] pendings = pendingIds.toArray(UUID[]::new);
        return operations.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(READ_BATCH)) {
                statement.setObject(1, transferIds.toArray(UUID[]::new));
                statement.setObject(2, accountIds.toArray(UUID[]::new));
                statement.setObject(3, pendings);
                statement.setObject(4, pendings);
                statement.setObject(5, pendings);
                statement.execute();
                long lastTimestamp;
                try (ResultSet row = statement.getResultSet()) {
                    if (!row.next()) {
                        throw new IllegalStateException("the ledger clock row is missing");
                    }
                    lastTimestamp = row.getLong(1);
                }
                Map<UUID, Transfer> transfers = new HashMap<>();
                nextResult(statement);
                try (ResultSet rows = statement.getResultSet()) {
                    for (int number = 0; rows.next(); number++) {
                        Transfer transfer = transfer(rows, number);
                        transfers.put(transfer.id(), transfer);
                    }
                }
                Map<UUID, Account> accounts = new HashMap<>();
                nextResult(statement);
                try (ResultSet rows = statement.getResultSet()) {
                    for (int number = 0; rows.next(); number++) {
                        AccountRecord record = accountRecord(rows, number);
                        accounts.put(record.id(), record.account());
                    }
                }
                Map<UUID, PendingStatus> statuses = new HashMap<>();
                nextResult(statement);
                try (ResultSet rows = statement.getResultSet()) {
                    while (rows.next()) {
                        statuses.put(rows.getObject(1, UUID.class), PendingStatus.valueOf(rows.getString(2)));
                    }
                }
                return new BatchReads(lastTimestamp, transfers, accounts, statuses);
            }
        });
    }

    private static void nextResult(PreparedStatement statement) throws SQLException {
        if (!statement.getMoreResults()) {
            throw new IllegalStateException("the batch read returned fewer result sets than statements");
        }
    }

    /** The transfers committed after {@code timestamp}, oldest first: the event publisher's tail of the table. */
    public List<Transfer> transfersAfter(long timestamp, int limit) {
        return jdbc.sql("select " + TRANSFER_COLUMNS + " from transfers where timestamp > :after order by timestamp limit :limit")
                .param("after", timestamp).param("limit", limit)
                .query(LedgerStore::transfer).list();
    }

    /** Who holds an account and its number. Neither ever changes once the account is open, so both may be cached. */
    public record AccountHolder(UUID customerId, String accountNumber) {
    }

    public Map<UUID, AccountHolder> accountHolders(Collection<? extends UUID> ids) {
        Map<UUID, AccountHolder> holders = new HashMap<>();
        if (ids.isEmpty()) {
            return holders;
        }
        jdbc.sql("select id, customer_id, account_number from accounts where id = any(:ids)")
                .param("ids", ids.toArray(UUID[]::new))
                .query(row -> {
                    holders.put(row.getObject("id", UUID.class),
                            new AccountHolder(row.getObject("customer_id", UUID.class), row.getString("account_number")));
                });
        return holders;
    }

    public Optional<Transfer> findTransfer(UUID id) {
        return jdbc.sql("select " + TRANSFER_COLUMNS + " from transfers where id = :id").param("id", id)
                .query(LedgerStore::transfer).optional();
    }

    private static final String INSERT_TRANSFERS = """
            insert into transfers (id, debit_account_id, credit_account_id, amount, currency, code, flags,
                pending_id, timeout_seconds, metadata, timestamp, debit_posted_after, debit_available_after,
                credit_posted_after, credit_available_after)
            select id, debit, credit, amount, currency, code, flags, pending, timeout, metadata::json,
                   ts, debit_posted, debit_available, credit_posted, credit_available
            from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::bigint[], ?::text[], ?::text[], ?::smallint[], ?::uuid[],
                        ?::bigint[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])
                 as batch(id, debit, credit, amount, currency, code, flags, pending, timeout, metadata, ts,
                          debit_posted, debit_available, credit_posted, credit_available)""";
    private static final String UPDATE_BALANCES = """
            update accounts set debits_pending = batch.debits_pending, debits_posted = batch.debits_posted,
                                credits_pending = batch.credits_pending, credits_posted = batch.credits_posted
            from unnest(?::uuid[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[])
                 as batch(id, debits_pending, debits_posted, credits_pending, credits_posted)
            where accounts.id = batch.id""";
    /** New holds are inserted, resolved ones updated. */
    private static final String UPSERT_PENDING_STATUSES = """
            insert into pending_transfers (id, status, expires_at)
            select id, status, expires_at from unnest(?::uuid[], ?::text[], ?::bigint[]) as batch(id, status, expires_at)
            on conflict (id) do update set status = excluded.status""";
    private static final String ADVANCE_CLOCK = "update ledger_clock set last_timestamp = ?";

    /**
     * Everything a batch writes, in one round trip (statements with nothing to write are left out): its transfers
     * appended with one INSERT … SELECT FROM unnest(arrays), the final balances with one UPDATE … FROM unnest(arrays),
     * the holds' statuses, and the ledger clock.
     */
    public void writeBatch(List<Transfer> transfers, Collection<Account> balances, Map<UUID, PendingStatus> pendingStatuses,
                           Map<UUID, Long> expiresAt, long lastTimestamp) {
        List<String> sql = new ArrayList<>(4);
        List<Object> parameters = new ArrayList<>(24);
        if (!transfers.isEmpty()) {
            sql.add(INSERT_TRANSFERS);
            parameters.addAll(transferColumns(transfers));
        }
        if (!balances.isEmpty()) {
            sql.add(UPDATE_BALANCES);
            parameters.addAll(balanceColumns(balances));
        }
        if (!pendingStatuses.isEmpty()) {
            sql.add(UPSERT_PENDING_STATUSES);
            parameters.addAll(pendingStatusColumns(pendingStatuses, expiresAt));
        }
        sql.add(ADVANCE_CLOCK);
        parameters.add(lastTimestamp);
        operations.execute((Connection connection) -> {
            try (PreparedStatement statement = connection.prepareStatement(String.join(";\n", sql))) {
                for (int index = 0; index < parameters.size(); index++) {
                    statement.setObject(index + 1, parameters.get(index));
                }
                statement.execute();
                return null;
            }
        });
    }

    /** The transfers as one array per column, in {@link #INSERT_TRANSFERS}'s order. */
    private static List<Object> transferColumns(List<Transfer> transfers) {
        int size = transfers.size();
        UUID[] ids = new UUID[size];
        UUID[] debits = new UUID[size];
        UUID[] credits = new UUID[size];
        Long[] amounts = new Long[size];
        String[] currencies = new String[size];
        String[] codes = new String[size];
        Integer[] flags = new Integer[size];
        UUID[] pendingIds = new UUID[size];
        Long[] timeouts = new Long[size];
        String[] metadata = new String[size];
        Long[] timestamps = new Long[size];
        Long[] debitPosted = new Long[size];
        Long[] debitAvailable = new Long[size];
        Long[] creditPosted = new Long[size];
        Long[] creditAvailable = new Long[size];
        for (int index = 0; index < size; index++) {
            Transfer transfer = transfers.get(index);
            ids[index] = transfer.id();
            debits[index] = transfer.debitAccountId();
            credits[index] = transfer.creditAccountId();
            amounts[index] = transfer.amount();
            currencies[index] = transfer.currency();
            codes[index] = transfer.code();
            flags[index] = transfer.flags();
            pendingIds[index] = transfer.pendingId();
            timeouts[index] = transfer.timeoutSeconds();
            metadata[index] = transfer.metadata();
            timestamps[index] = transfer.timestamp();
            debitPosted[index] = transfer.debitPostedAfter();
            debitAvailable[index] = transfer.debitAvailableAfter();
            creditPosted[index] = transfer.creditPostedAfter();
            creditAvailable[index] = transfer.creditAvailableAfter();
        }
        return List.of(ids, debits, credits, amounts, currencies, codes, flags, pendingIds, timeouts, metadata, timestamps,
                debitPosted, debitAvailable, creditPosted, creditAvailable);
    }

    /** The accounts' balances as one array per column, in {@link #UPDATE_BALANCES}'s order. */
    private static List<Object> balanceColumns(Collection<Account> accounts) {
        int size = accounts.size();
        UUID[] ids = new UUID[size];
        Long[] debitsPending = new Long[size];
        Long[] debitsPosted = new Long[size];
        Long[] creditsPending = new Long[size];
        Long[] creditsPosted = new Long[size];
        int index = 0;
        for (Account account : accounts) {
            ids[index] = account.id();
            debitsPending[index] = account.debitsPending();
            debitsPosted[index] = account.debitsPosted();
            creditsPending[index] = account.creditsPending();
            creditsPosted[index] = account.creditsPosted();
            index++;
        }
        return List.of(ids, debitsPending, debitsPosted, creditsPending, creditsPosted);
    }

    /** The holds' statuses as one array per column, in {@link #UPSERT_PENDING_STATUSES}'s order. */
    private static List<Object> pendingStatusColumns(Map<UUID, PendingStatus> statuses, Map<UUID, Long> expiresAt) {
        int size = statuses.size();
        UUID[] ids = new UUID[size];
        String[] values = new String[size];
        Long[] expiries = new Long[size];
        int index = 0;
        for (Map.Entry<UUID, PendingStatus> entry : statuses.entrySet()) {
            ids[index] = entry.getKey();
            values[index] = entry.getValue().name();
            expiries[index] = expiresAt.get(entry.getKey());
            index++;
        }
        return List.of(ids, values, expiries);
    }

    public List<UUID> expiredPendingIds(long nowMicros, int limit) {
        return jdbc.sql("""
                        select id from pending_transfers where status = 'PENDING' and expires_at <= :now
                        order by expires_at limit :limit""")
                .param("now", nowMicros).param("limit", limit)
                .query((row, number) -> row.getObject(1, UUID.class)).list();
    }

    // ---- history

    public record HistoryLine(Transfer transfer, boolean debit) {
    }

    /**
     * Which lines of an account's history: timestamps in [{@code fromTimestamp}, {@code beforeTimestamp}), the debit
     * side, the credit side or both, amounts in [{@code minAmount}, {@code maxAmount}].
     */
    public record HistoryFilter(long fromTimestamp, long beforeTimestamp, boolean debits, boolean credits, long minAmount,
                                long maxAmount) {

        public static HistoryFilter before(long beforeTimestamp) {
            return new HistoryFilter(Long.MIN_VALUE, beforeTimestamp, true, true, 0, Long.MAX_VALUE);
        }
    }

    /** The account's transfers older than {@code beforeTimestamp}, newest first, both sides merged. */
    public List<HistoryLine> history(UUID accountId, long beforeTimestamp, int limit) {
        return history(accountId, HistoryFilter.before(beforeTimestamp), limit);
    }

    /** The account's transfers the filter lets through, newest first, both sides merged. */
    public List<HistoryLine> history(UUID accountId, HistoryFilter filter, int limit) {
        // Each side reads its own index (account, timestamp) and stops at the limit; a side not asked for reads nothing.
        String side = """
                (select %1$s, %2$s as is_debit from transfers
                 where %3$s = :account and timestamp >= :from and timestamp < :before and :wanted%2$s
                   and amount between :minAmount and :maxAmount
                 order by timestamp desc limit :limit)""";
        return jdbc.sql("select * from (" + side.formatted(TRANSFER_COLUMNS, "true", "debit_account_id")
                        + " union all " + side.formatted(TRANSFER_COLUMNS, "false", "credit_account_id")
                        + ") lines order by timestamp desc limit :limit")
                .param("account", accountId).param("from", filter.fromTimestamp()).param("before", filter.beforeTimestamp())
                .param("wantedtrue", filter.debits()).param("wantedfalse", filter.credits())
                .param("minAmount", filter.minAmount()).param("maxAmount", filter.maxAmount()).param("limit", limit)
                .query((row, number) -> new HistoryLine(transfer(row, number), row.getBoolean("is_debit")))
                .list();
    }

    /** The newest transfer of the account at or before {@code atTimestamp}, if any. */
    public Optional<HistoryLine> lastBefore(UUID accountId, long atTimestamp) {
        List<HistoryLine> lines = history(accountId, atTimestamp + 1, 1);
        return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(0));
    }

    // ---- row mapping

    static AccountRecord accountRecord(ResultSet row, int number) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        Account account = new Account(id, row.getString("currency"), row.getBoolean("debits_must_not_exceed_credits"),
                row.getBoolean("credits_must_not_exceed_debits"), AccountStatus.valueOf(row.getString("status")),
                row.getLong("debits_pending"), row.getLong("debits_posted"), row.getLong("credits_pending"),
                row.getLong("credits_posted"));
        return new AccountRecord(id, row.getString("account_number"), row.getString("cci"),
                row.getObject("customer_id", UUID.class), row.getString("product"), row.getString("currency"), account,
                row.getTimestamp("created_at").toInstant());
    }

    static Transfer transfer(ResultSet row, int number) throws SQLException {
        return TransferRows.transfer(row);
    }
}

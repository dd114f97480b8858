package io.quipu.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The design the ledger replaces, in its own database on the same PostgreSQL server: one transfer per database
 * transaction — lock both accounts (in id order, so no deadlocks), check the balance, two UPDATEs, one INSERT, COMMIT.
 * The schema keeps what a ledger cannot do without: primary keys, foreign keys from transfers to accounts, and an
 * index per account side of the transfers (for statements), like the ledger's own tables.
 */
final class NaiveBaseline {

    static final long INITIAL_BALANCE = 1_000_000_000L;
    static final long HOT_INITIAL_BALANCE = 1_000_000_000_000_000L;

    private final String jdbcUrl;
    private final String user;
    private final int accounts;

    NaiveBaseline(String jdbcUrl, String user, int accounts) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.accounts = accounts;
    }

    /** Accounts 0 … n-1; account 0 is the hot one (it has enough to pay every transfer of the run). */
    void setUp() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, ""); Statement sql = connection.createStatement()) {
            sql.execute("drop table if exists transfers");
            sql.execute("drop table if exists accounts");
            sql.execute("create table accounts (id bigint primary key, balance bigint not null check (balance >= 0))");
            sql.execute("""
                    create table transfers (
                        id                bigint generated always as identity primary key,
                        debit_account_id  bigint not null references accounts (id),
                        credit_account_id bigint not null references accounts (id),
                        amount            bigint not null check (amount > 0),
                        created_at        timestamptz not null default now())""");
            sql.execute("create index transfers_by_debit on transfers (debit_account_id, id)");
            sql.execute("create index transfers_by_credit on transfers (credit_account_id, id)");
            sql.execute("insert into accounts select g, case when g = 0 then " + HOT_INITIAL_BALANCE + " else " + INITIAL_BALANCE
                    + " end from generate_series(0, " + (accounts - 1) + ") g");
            sql.execute("vacuum analyze accounts");
        }
    }

    long expectedTotalBalance() {
        return HOT_INITIAL_BALANCE + (accounts - 1L) * INITIAL_BALANCE;
    }

    /** One worker: its own connection, prepared statements, autocommit off. */
    LoadRun.Operation operation(boolean hot) {
        try {
            Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
            connection.setAutoCommit(false);
            PreparedStatement lock = connection.prepareStatement(
                    "select id, balance from accounts where id in (?, ?) order by id for update");
            PreparedStatement debit = connection.prepareStatement("update accounts set balance = balance - ? where id = ?");
            PreparedStatement credit = connection.prepareStatement("update accounts set balance = balance + ? where id = ?");
            PreparedStatement insert = connection.prepareStatement(
                    "insert into transfers (debit_account_id, credit_account_id, amount) values (?, ?, ?)");
            return new LoadRun.Operation() {
                @Override
                public LoadRun.Outcome run() {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    long from;
                    long to;
                    if (hot) {
                        from = 0;
                        to = 1 + random.nextInt(accounts - 1);
                    } else {
                        from = 1 + random.nextInt(accounts - 1);
                        do {
                            to = 1 + random.nextInt(accounts - 1);
                        } while (to == from);
                    }
                    long amount = 1 + random.nextInt(100);
                    try {
                        lock.setLong(1, from);
                        lock.setLong(2, to);
                        long fromBalance = -1;
                        int found = 0;
                        try (ResultSet rows = lock.executeQuery()) {
                            while (rows.next()) {
                                found++;
                                if (rows.getLong(1) == from) {
                                    fromBalance = rows.getLong(2);
                                }
                            }
                        }
                        if (found != 2 || fromBalance < amount) {
                            connection.rollback();
                            return LoadRun.Outcome.failure(found != 2 ? "account_not_found" : "exceeds_credits", 1);
                        }
                        debit.setLong(1, amount);
                        debit.setLong(2, from);
                        debit.executeUpdate();
                        credit.setLong(1, amount);
                        credit.setLong(2, to);
                        credit.executeUpdate();
                        insert.setLong(1, from);
                        insert.setLong(2, to);
                        insert.setLong(3, amount);
                        insert.executeUpdate();
                        connection.commit();
                        return LoadRun.Outcome.success(1, amount);
                    } catch (SQLException e) {
                        try {
                            connection.rollback();
                        } catch (SQLException ignored) {
                            // the connection is broken: the next call fails too and says so
                        }
                        return LoadRun.Outcome.failure("sqlstate " + e.getSQLState(), 1);
                    }
                }

                @Override
                public void close() throws SQLException {
                    connection.close();
                }
            };
        } catch (SQLException e) {
            throw new IllegalStateException("naive baseline: cannot connect", e);
        }
    }

    /** [transfers, sum of amounts, sum of balances] now. */
    long[] totals() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, ""); Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery(
                     "select (select count(*) from transfers), (select coalesce(sum(amount), 0) from transfers), (select sum(balance) from accounts)")) {
            row.next();
            return new long[] {row.getLong(1), row.getLong(2), row.getLong(3)};
        }
    }
}

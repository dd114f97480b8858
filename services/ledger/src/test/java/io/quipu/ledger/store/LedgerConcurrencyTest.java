package io.quipu.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.quipu.platform.banking.AccountNumbers;
import io.quipu.ledger.domain.ResultCode;
import io.quipu.ledger.domain.TransferCommand;
import io.quipu.ledger.domain.TransferEngine;
import io.quipu.ledger.domain.TransferFlags;
import io.quipu.platform.test.EmbeddedInfrastructure;

/**
 * Two ledger writers (as two ledger instances would) on one database, 16 threads of random transfers among a few
 * hot accounts, with duplicates, overdraft attempts and holds: afterwards the stored balances equal the balances
 * recomputed from the transfers table, no deposit account is overdrawn, and every id is there exactly once.
 */
@EmbeddedInfrastructure(database = "ledger")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LedgerConcurrencyTest {

    private static final int THREADS = 16;
    private static final int REQUESTS_PER_THREAD = 150;

    @Autowired
    LedgerStore store;
    @Autowired
    TransferWriter firstInstance;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcClient jdbc;

    @Test
    void twoInstancesUnderContentionKeepTheBooksExact() throws Exception {
        TransferWriter secondInstance = new TransferWriter(store, new TransactionTemplate(transactionManager), 8190, 65536,
                new SimpleMeterRegistry());
        secondInstance.start();
        try {
            UUID bank = account(null, false);
            List<UUID> customers = new ArrayList<>();
            for (int index = 0; index < 5; index++) {
                customers.add(account(UUID.randomUUID(), true));
            }
            List<TransferWriter> writers = List.of(firstInstance, secondInstance);
            Set<UUID> applied = ConcurrentHashMap.newKeySet();
            List<UUID> sentIds = Collections.synchronizedList(new ArrayList<>());

            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> work = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                long seed = thread;
                work.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    for (int request = 0; request < REQUESTS_PER_THREAD; request++) {
                        List<TransferCommand> commands = new ArrayList<>();
                        int size = 1 + random.nextInt(4);
                        for (int index = 0; index < size; index++) {
                            commands.add(randomCommand(random, bank, customers, sentIds));
                        }
                        TransferWriter writer = writers.get(random.nextInt(2));
                        List<TransferEngine.Result> results = writer.submit(commands, Duration.ofSeconds(30)).get(60, TimeUnit.SECONDS);
                        for (int index = 0; index < results.size(); index++) {
                            if (results.get(index).code() == ResultCode.OK) {
                                assertThat(applied.add(commands.get(index).id())).as("applied twice").isTrue();
                            }
                            sentIds.add(commands.get(index).id());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();

            assertThat(applied).hasSizeGreaterThan(THREADS * REQUESTS_PER_THREAD / 2);
            long stored = jdbc.sql("select count(*) from transfers where code = 'concurrency'").query(Long.class).single();
            assertThat(stored).isEqualTo(applied.size());
            assertBalancesEqualTransfers(jdbc);
            long overdrawn = jdbc.sql("""
                    select count(*) from accounts
                    where debits_must_not_exceed_credits and debits_posted + debits_pending > credits_posted""")
                    .query(Long.class).single();
            assertThat(overdrawn).isZero();
        } finally {
            secondInstance.stop();
        }
    }

    /**
     * A failure after the commit (here: the event publisher's wake-up throws) must neither stop the writer nor keep
     * the batch's places in the queue: with room for 4 queued transfers, 40 requests of 3 all get their answer.
     */
    @Test
    void aFailureAfterTheCommitNeitherStopsTheWriterNorKeepsQueuePlaces() throws Exception {
        TransferWriter writer = new TransferWriter(store, new TransactionTemplate(transactionManager), 4, 4,
                new SimpleMeterRegistry());
        writer.onCommit(() -> {
            throw new IllegalStateException("listener failed on purpose");
        });
        writer.start();
        try {
            UUID bank = account(null, false);
            UUID customer = account(UUID.randomUUID(), true);
            for (int request = 0; request < 40; request++) {
                List<TransferCommand> commands = new ArrayList<>();
                for (int index = 0; index < 3; index++) {
                    commands.add(new TransferCommand(UUID.randomUUID(), bank, customer, 10L, "PEN", "listener", 0,
                            null, null, null));
                }
                List<TransferEngine.Result> results = writer.submit(commands, Duration.ofSeconds(2)).get(10, TimeUnit.SECONDS);
                assertThat(results).extracting(TransferEngine.Result::code).containsOnly(ResultCode.OK);
            }
            long stored = jdbc.sql("select count(*) from transfers where code = 'listener'").query(Long.class).single();
            assertThat(stored).isEqualTo(120);
        } finally {
            writer.stop();
        }
    }

    private TransferCommand randomCommand(Random random, UUID bank, List<UUID> customers, List<UUID> sentIds) {
        int choice = random.nextInt(10);
        if (choice == 0 && !sentIds.isEmpty()) {
            // A retry of an earlier id, possibly with other fields: exists or exists_with_different_*, never twice.
            UUID repeated = sentIds.get(random.nextInt(sentIds.size()));
            return new TransferCommand(repeated, bank, customers.get(0), 100L, "PEN", "concurrency", 0, null, null, null);
        }
        UUID debit = choice <= 2 ? bank : customers.get(random.nextInt(customers.size()));
        UUID credit = customers.get(random.nextInt(customers.size()));
        long amount = choice == 3 ? 1_000_000_000L : 1 + random.nextInt(5_000); // choice 3 tries to overdraw
        int flags = random.nextInt(8) == 0 ? TransferFlags.PENDING : 0;
        return new TransferCommand(UUID.randomUUID(), debit, credit, amount, "PEN", "concurrency", flags, null, null, null);
    }

    private UUID account(UUID customerId, boolean deposit) {
        UUID id = UUID.randomUUID();
        String number = AccountNumbers.accountNumber("001", store.nextAccountSequence());
        store.insertAccount(id, number, AccountNumbers.cci("099", number), customerId,
                deposit ? "SAVINGS" : "SETTLEMENT", "PEN", deposit, false);
        return id;
    }

    /** Posted balances are the sum of posted transfers; pending ones the sum of holds still pending. */
    static void assertBalancesEqualTransfers(JdbcClient jdbc) {
        List<Map<String, Object>> mismatches = jdbc.sql("""
                with posted as (
                    select account_id, sum(debits) as debits, sum(credits) as credits from (
                        select debit_account_id as account_id, amount as debits, 0 as credits from transfers
                        where flags & 2 = 0 and flags & 8 = 0
                        union all
                        select credit_account_id, 0, amount from transfers where flags & 2 = 0 and flags & 8 = 0) lines
                    group by account_id),
                held as (
                    select account_id, sum(debits) as debits, sum(credits) as credits from (
                        select t.debit_account_id as account_id, t.amount as debits, 0 as credits
                        from transfers t join pending_transfers p on p.id = t.id where p.status = 'PENDING'
                        union all
                        select t.credit_account_id, 0, t.amount
                        from transfers t join pending_transfers p on p.id = t.id where p.status = 'PENDING') lines
                    group by account_id)
                select a.id from accounts a
                left join posted on posted.account_id = a.id
                left join held on held.account_id = a.id
                where a.debits_posted <> coalesce(posted.debits, 0) or a.credits_posted <> coalesce(posted.credits, 0)
                   or a.debits_pending <> coalesce(held.debits, 0) or a.credits_pending <> coalesce(held.credits, 0)""")
                .query().listOfRows();
        assertThat(mismatches).isEmpty();
        long totalDebits = jdbc.sql("select coalesce(sum(debits_posted), 0) from accounts").query(Long.class).single();
        long totalCredits = jdbc.sql("select coalesce(sum(credits_posted), 0) from accounts").query(Long.class).single();
        assertThat(totalDebits).isEqualTo(totalCredits);
    }
}

package io.quipu.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the books under any sequence of transfers, holds, posts, voids, chains and replays. */
class LedgerPropertiesTest {

    @Property(tries = 300)
    void theBooksAlwaysBalanceAndNoDepositGoesNegative(@ForAll long seed, @ForAll @IntRange(min = 1, max = 12) int batches) {
        Random random = new Random(seed);
        InMemoryLedger ledger = new InMemoryLedger();
        List<Account> accounts = new ArrayList<>();
        accounts.add(ledger.open("PEN", false)); // the bank's own account funds the others
        for (int index = 0; index < 4; index++) {
            accounts.add(ledger.open("PEN", true));
        }
        accounts.add(ledger.open("USD", true));
        List<UUID> holds = new ArrayList<>();
        List<List<TransferCommand>> history = new ArrayList<>();
        Map<UUID, TransferCommand> creators = new HashMap<>();

        for (int batch = 0; batch < batches; batch++) {
            List<TransferCommand> commands = randomCommands(random, accounts, holds, history);
            List<TransferEngine.Result> results = ledger.apply(commands);
            assertThat(results).hasSize(commands.size());
            assertChainsAreAtomic(commands, results);
            for (int index = 0; index < commands.size(); index++) {
                if (results.get(index).code() == ResultCode.OK) {
                    creators.put(commands.get(index).id(), commands.get(index));
                    if (commands.get(index).has(TransferFlags.PENDING)) {
                        holds.add(commands.get(index).id());
                    }
                }
            }
            history.add(commands);
            if (random.nextInt(4) == 0) {
                ledger.nowMicros += 40_000_000L; // let some holds expire
                Map<UUID, UUID> expiries = new HashMap<>();
                holds.forEach(hold -> expiries.put(hold, UUID.nameUUIDFromBytes(("x" + hold).getBytes())));
                ledger.expire(expiries);
            }
            assertBooksBalance(ledger);
        }

        // Replaying everything that was ever sent changes nothing.
        Map<UUID, Account> before = snapshot(ledger);
        int transfersBefore = ledger.transfers.size();
        for (List<TransferCommand> commands : history) {
            List<TransferEngine.Result> replay = ledger.apply(commands);
            for (int index = 0; index < commands.size(); index++) {
                boolean sameAsCreator = commands.get(index).equals(creators.get(commands.get(index).id()));
                if (sameAsCreator && replay.get(index).code() != ResultCode.LINKED_EVENT_FAILED) {
                    assertThat(replay.get(index).code()).isEqualTo(ResultCode.EXISTS);
                }
            }
        }
        assertThat(ledger.transfers.size()).isGreaterThanOrEqualTo(transfersBefore);
        if (ledger.transfers.size() == transfersBefore) {
            assertThat(snapshot(ledger)).usingRecursiveComparison().isEqualTo(before);
        }
        assertBooksBalance(ledger);
    }

    private static List<TransferCommand> randomCommands(Random random, List<Account> accounts, List<UUID> holds,
                                                        List<List<TransferCommand>> history) {
        List<TransferCommand> commands = new ArrayList<>();
        int size = 1 + random.nextInt(20);
        for (int index = 0; index < size; index++) {
            int choice = random.nextInt(10);
            if (choice == 0 && !history.isEmpty()) {
                List<TransferCommand> earlier = history.get(random.nextInt(history.size()));
                TransferCommand repeat = earlier.get(random.nextInt(earlier.size()));
                commands.add(new TransferCommand(repeat.id(), repeat.debitAccountId(), repeat.creditAccountId(), repeat.amount(),
                        repeat.currency(), repeat.code(), repeat.flags() & ~TransferFlags.LINKED, repeat.pendingId(),
                        repeat.timeoutSeconds(), repeat.metadata()));
                continue;
            }
            if (choice <= 2 && !holds.isEmpty()) {
                UUID hold = holds.get(random.nextInt(holds.size()));
                int flag = random.nextBoolean() ? TransferFlags.POST_PENDING : TransferFlags.VOID_PENDING;
                Long amount = flag == TransferFlags.POST_PENDING && random.nextBoolean() ? (long) (1 + random.nextInt(500)) : null;
                commands.add(new TransferCommand(UUID.randomUUID(), null, null, amount, "PEN", "resolve",
                        flag | linked(random), hold, null, null));
                continue;
            }
            Account debit = accounts.get(random.nextInt(accounts.size()));
            Account credit = accounts.get(random.nextInt(accounts.size()));
            long amount = random.nextInt(20) == 0 ? -random.nextInt(100) : 1 + random.nextInt(choice == 3 ? 100_000 : 3_000);
            int flags = linked(random);
            Long timeout = null;
            if (random.nextInt(4) == 0) {
                flags |= TransferFlags.PENDING;
                timeout = random.nextBoolean() ? 30L : null;
            } else if (random.nextInt(8) == 0) {
                flags |= TransferFlags.BALANCING_DEBIT;
            }
            commands.add(new TransferCommand(UUID.randomUUID(), debit.id(), credit.id(), amount, debit.currency(), "random",
                    flags, null, timeout, null));
        }
        return commands;
    }

    private static int linked(Random random) {
        return random.nextInt(4) == 0 ? TransferFlags.LINKED : 0;
    }

    private static void assertChainsAreAtomic(List<TransferCommand> commands, List<TransferEngine.Result> results) {
        int start = 0;
        for (int index = 0; index < commands.size(); index++) {
            boolean chainEnds = !commands.get(index).has(TransferFlags.LINKED) || index == commands.size() - 1;
            if (chainEnds) {
                if (index > start) {
                    List<ResultCode> codes = results.subList(start, index + 1).stream().map(TransferEngine.Result::code).toList();
                    boolean allSucceeded = codes.stream().allMatch(ResultCode::succeeded);
                    boolean noneSucceeded = codes.stream().noneMatch(ResultCode::succeeded);
                    assertThat(allSucceeded || noneSucceeded).as("chain %s", codes).isTrue();
                }
                start = index + 1;
            }
        }
    }

    private static void assertBooksBalance(InMemoryLedger ledger) {
        Map<String, long[]> totals = new HashMap<>();
        for (Account account : ledger.accounts.values()) {
            long[] sums = totals.computeIfAbsent(account.currency(), currency -> new long[4]);
            sums[0] += account.debitsPosted();
            sums[1] += account.creditsPosted();
            sums[2] += account.debitsPending();
            sums[3] += account.creditsPending();
            if (account.debitsMustNotExceedCredits()) {
                assertThat(account.available()).as("available of a deposit account").isGreaterThanOrEqualTo(0);
            }
        }
        totals.forEach((currency, sums) -> {
            assertThat(sums[0]).as("Σ debits posted = Σ credits posted in %s", currency).isEqualTo(sums[1]);
            assertThat(sums[2]).as("Σ debits pending = Σ credits pending in %s", currency).isEqualTo(sums[3]);
        });
        // Balances are the sum of the transfers that made them.
        Map<UUID, long[]> recomputed = new HashMap<>();
        for (Transfer transfer : ledger.transfers.values()) {
            if (transfer.has(TransferFlags.PENDING) || transfer.has(TransferFlags.VOID_PENDING)) {
                continue;
            }
            recomputed.computeIfAbsent(transfer.debitAccountId(), id -> new long[2])[0] += transfer.amount();
            recomputed.computeIfAbsent(transfer.creditAccountId(), id -> new long[2])[1] += transfer.amount();
        }
        for (Account account : ledger.accounts.values()) {
            long[] sums = recomputed.getOrDefault(account.id(), new long[2]);
            assertThat(account.debitsPosted()).isEqualTo(sums[0]);
            assertThat(account.creditsPosted()).isEqualTo(sums[1]);
        }
    }

    private static Map<UUID, Account> snapshot(InMemoryLedger ledger) {
        Map<UUID, Account> copy = new HashMap<>();
        ledger.accounts.forEach((id, account) -> copy.put(id, account.copy()));
        return copy;
    }
}

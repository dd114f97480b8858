package io.quipu.ledger.domain;

import static io.quipu.ledger.domain.InMemoryLedger.move;
import static io.quipu.ledger.domain.InMemoryLedger.resolve;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TransferEngineTest {

    private InMemoryLedger ledger;
    private Account bank;
    private Account alice;
    private Account bob;

    @BeforeEach
    void setUp() {
        ledger = new InMemoryLedger();
        bank = ledger.open("PEN", false);
        alice = ledger.open("PEN", true);
        bob = ledger.open("PEN", true);
        assertThat(code(ledger.apply(move(UUID.randomUUID(), bank, alice, 10_000)))).isEqualTo(ResultCode.OK);
    }

    @Test
    void movesMoneyAsDoubleEntry() {
        List<TransferEngine.Result> results = ledger.apply(move(UUID.randomUUID(), alice, bob, 2_500));
        assertThat(code(results)).isEqualTo(ResultCode.OK);
        assertThat(ledger.get(alice.id()).available()).isEqualTo(7_500);
        assertThat(ledger.get(bob.id()).available()).isEqualTo(2_500);
        assertThat(ledger.get(bank.id()).posted()).isEqualTo(-10_000);
        Transfer transfer = results.get(0).transfer();
        assertThat(transfer.debitPostedAfter()).isEqualTo(7_500);
        assertThat(transfer.creditPostedAfter()).isEqualTo(2_500);
    }

    @Test
    void depositAccountsCannotGoBelowZero() {
        assertThat(code(ledger.apply(move(UUID.randomUUID(), alice, bob, 10_001)))).isEqualTo(ResultCode.EXCEEDS_CREDITS);
        assertThat(ledger.get(alice.id()).available()).isEqualTo(10_000);
        assertThat(code(ledger.apply(move(UUID.randomUUID(), alice, bob, 10_000)))).isEqualTo(ResultCode.OK);
    }

    @Test
    void repeatingATransferAnswersExistsAndChangesNothing() {
        UUID id = UUID.randomUUID();
        Transfer first = ledger.apply(move(id, alice, bob, 100)).get(0).transfer();
        List<TransferEngine.Result> again = ledger.apply(move(id, alice, bob, 100));
        assertThat(code(again)).isEqualTo(ResultCode.EXISTS);
        assertThat(again.get(0).transfer()).isEqualTo(first);
        assertThat(ledger.get(bob.id()).available()).isEqualTo(100);
        assertThat(code(ledger.apply(move(id, alice, bob, 101)))).isEqualTo(ResultCode.EXISTS_WITH_DIFFERENT_AMOUNT);
        assertThat(code(ledger.apply(move(id, bob, alice, 100)))).isEqualTo(ResultCode.EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT_ID);
        assertThat(code(ledger.apply(move(id, alice, bank, 100)))).isEqualTo(ResultCode.EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT_ID);
        assertThat(code(ledger.apply(move(id, alice, bob, 100, TransferFlags.PENDING)))).isEqualTo(ResultCode.EXISTS_WITH_DIFFERENT_FLAGS);
        assertThat(code(ledger.apply(new TransferCommand(id, alice.id(), bob.id(), 100L, "PEN", "other", 0, null, null, null))))
                .isEqualTo(ResultCode.EXISTS_WITH_DIFFERENT_CODE);
        assertThat(code(ledger.apply(new TransferCommand(id, alice.id(), bob.id(), 100L, "PEN", "test", 0, null, null, "{\"a\":1}"))))
                .isEqualTo(ResultCode.EXISTS_WITH_DIFFERENT_METADATA);
    }

    @Test
    void duplicatesInsideOneBatchApplyOnce() {
        UUID id = UUID.randomUUID();
        List<TransferEngine.Result> results = ledger.apply(move(id, alice, bob, 100), move(id, alice, bob, 100));
        assertThat(results).extracting(TransferEngine.Result::code).containsExactly(ResultCode.OK, ResultCode.EXISTS);
        assertThat(ledger.get(bob.id()).available()).isEqualTo(100);
    }

    @Test
    void refusesBadTransfersWithPreciseCodes() {
        Account dollars = ledger.open("USD", true);
        assertThat(code(ledger.apply(move(UUID.randomUUID(), alice, bob, 0)))).isEqualTo(ResultCode.AMOUNT_MUST_BE_POSITIVE);
        assertThat(code(ledger.apply(move(UUID.randomUUID(), alice, bob, -5)))).isEqualTo(ResultCode.AMOUNT_MUST_BE_POSITIVE);
        assertThat(code(ledger.apply(move(UUID.randomUUID(), alice, alice, 5)))).isEqualTo(ResultCode.ACCOUNTS_MUST_BE_DIFFERENT);
        assertThat(code(ledger.apply(move(UUID.randomUUID(), alice, dollars, 5)))).isEqualTo(ResultCode.CURRENCY_MISMATCH);
        assertThat(code(ledger.apply(new TransferCommand(UUID.randomUUID(), UUID.randomUUID(), bob.id(), 5L, "PEN", "test", 0, null, null, null))))
                .isEqualTo(ResultCode.DEBIT_ACCOUNT_NOT_FOUND);
        assertThat(code(ledger.apply(new TransferCommand(UUID.randomUUID(), alice.id(), UUID.randomUUID(), 5L, "PEN", "test", 0, null, null, null))))
                .isEqualTo(ResultCode.CREDIT_ACCOUNT_NOT_FOUND);
        assertThat(code(ledger.apply(move(UUID.randomUUID(), alice, bob, 5, TransferFlags.PENDING | TransferFlags.POST_PENDING))))
                .isEqualTo(ResultCode.FLAGS_ARE_MUTUALLY_EXCLUSIVE);
        assertThat(code(ledger.apply(new TransferCommand(UUID.randomUUID(), alice.id(), bob.id(), 5L, "PEN", "test", 0, null, 30L, null))))
                .isEqualTo(ResultCode.TIMEOUT_RESERVED_FOR_PENDING_TRANSFER);
        assertThat(code(ledger.apply(new TransferCommand(UUID.randomUUID(), alice.id(), bob.id(), 5L, "PEN", "Bad Code", 0, null, null, null))))
                .isEqualTo(ResultCode.INVALID_CODE);
        assertThat(code(ledger.apply(new TransferCommand(UUID.randomUUID(), alice.id(), bob.id(), 5L, "PEN", "test", 0, null, null,
                "\"" + "x".repeat(3000) + "\"")))).isEqualTo(ResultCode.METADATA_TOO_LARGE);
        assertThat(ledger.get(alice.id()).available()).isEqualTo(10_000);
    }

    @Test
    void overflowingBalancesAreRefused() {
        Account other = ledger.open("PEN", false);
        assertThat(code(ledger.apply(move(UUID.randomUUID(), bank, other, Long.MAX_VALUE - 10_000)))).isEqualTo(ResultCode.OK);
        assertThat(code(ledger.apply(move(UUID.randomUUID(), bank, other, 1)))).isEqualTo(ResultCode.OVERFLOWS_DEBITS);
    }

    @Test
    void pendingTransfersHoldFundsUntilPostedOrVoided() {
        UUID hold = UUID.randomUUID();
        assertThat(code(ledger.apply(move(hold, alice, bob, 4_000, TransferFlags.PENDING)))).isEqualTo(ResultCode.OK);
        assertThat(ledger.get(alice.id()).available()).isEqualTo(6_000);
        assertThat(ledger.get(alice.id()).posted()).isEqualTo(10_000);
        assertThat(code(ledger.apply(move(UUID.randomUUID(), alice, bob, 6_001)))).isEqualTo(ResultCode.EXCEEDS_CREDITS);

        UUID post = UUID.randomUUID();
        assertThat(code(ledger.apply(resolve(post, hold, 3_000L, "PEN", TransferFlags.POST_PENDING)))).isEqualTo(ResultCode.OK);
        assertThat(ledger.get(alice.id()).available()).isEqualTo(7_000);
        assertThat(ledger.get(bob.id()).posted()).isEqualTo(3_000);
        assertThat(ledger.get(bob.id()).creditsPending()).isZero();
        assertThat(code(ledger.apply(resolve(UUID.randomUUID(), hold, null, "PEN", TransferFlags.VOID_PENDING))))
                .isEqualTo(ResultCode.PENDING_TRANSFER_ALREADY_POSTED);
        assertThat(code(ledger.apply(resolve(post, hold, 3_000L, "PEN", TransferFlags.POST_PENDING)))).isEqualTo(ResultCode.EXISTS);

        UUID secondHold = UUID.randomUUID();
        ledger.apply(move(secondHold, alice, bob, 1_000, TransferFlags.PENDING));
        assertThat(code(ledger.apply(resolve(UUID.randomUUID(), secondHold, 2_000L, "PEN", TransferFlags.POST_PENDING))))
                .isEqualTo(ResultCode.EXCEEDS_PENDING_TRANSFER_AMOUNT);
        assertThat(code(ledger.apply(resolve(UUID.randomUUID(), secondHold, null, "PEN", TransferFlags.VOID_PENDING)))).isEqualTo(ResultCode.OK);
        assertThat(ledger.get(alice.id()).available()).isEqualTo(7_000);
        assertThat(code(ledger.apply(resolve(UUID.randomUUID(), secondHold, null, "PEN", TransferFlags.POST_PENDING))))
                .isEqualTo(ResultCode.PENDING_TRANSFER_ALREADY_VOIDED);
        assertThat(code(ledger.apply(resolve(UUID.randomUUID(), UUID.randomUUID(), null, "PEN", TransferFlags.POST_PENDING))))
                .isEqualTo(ResultCode.PENDING_TRANSFER_NOT_FOUND);
        assertThat(code(ledger.apply(resolve(UUID.randomUUID(), post, null, "PEN", TransferFlags.POST_PENDING))))
                .isEqualTo(ResultCode.PENDING_TRANSFER_NOT_PENDING);
    }

    @Test
    void expiredHoldsCannotBePostedAndAreReleasedByExpiry() {
        UUID hold = UUID.randomUUID();
        ledger.apply(new TransferCommand(hold, alice.id(), bob.id(), 5_000L, "PEN", "test", TransferFlags.PENDING, null, 60L, null));
        ledger.nowMicros += 61_000_000L;
        assertThat(code(ledger.apply(resolve(UUID.randomUUID(), hold, null, "PEN", TransferFlags.POST_PENDING))))
                .isEqualTo(ResultCode.PENDING_TRANSFER_EXPIRED);
        UUID expiry = UUID.randomUUID();
        List<TransferEngine.Result> expired = ledger.expire(Map.of(hold, expiry));
        assertThat(code(expired)).isEqualTo(ResultCode.OK);
        assertThat(expired.get(0).transfer().kind()).isEqualTo("expired");
        assertThat(ledger.get(alice.id()).available()).isEqualTo(10_000);
        assertThat(ledger.pendingStatuses.get(hold)).isEqualTo(PendingStatus.EXPIRED);
        assertThat(code(ledger.expire(Map.of(hold, UUID.randomUUID())))).isEqualTo(ResultCode.PENDING_TRANSFER_NOT_PENDING);
    }

    @Test
    void aLinkedChainSucceedsOrFailsAsAWhole() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<TransferEngine.Result> failed = ledger.apply(
                move(first, alice, bob, 6_000, TransferFlags.LINKED),
                move(second, alice, bob, 6_000),
                move(UUID.randomUUID(), bank, bob, 1));
        assertThat(failed).extracting(TransferEngine.Result::code)
                .containsExactly(ResultCode.LINKED_EVENT_FAILED, ResultCode.EXCEEDS_CREDITS, ResultCode.OK);
        assertThat(ledger.transfers).doesNotContainKeys(first, second);
        assertThat(ledger.get(alice.id()).available()).isEqualTo(10_000);
        assertThat(ledger.get(bob.id()).available()).isEqualTo(1);

        List<TransferEngine.Result> succeeded = ledger.apply(
                move(first, alice, bob, 6_000, TransferFlags.LINKED),
                move(second, bob, bank, 6_001));
        assertThat(succeeded).extracting(TransferEngine.Result::code).containsExactly(ResultCode.OK, ResultCode.OK);
    }

    @Test
    void aFailureEarlyInAChainFailsTheRestAndAnOpenChainFailsWhole() {
        List<TransferEngine.Result> results = ledger.apply(
                move(UUID.randomUUID(), alice, bob, 20_000, TransferFlags.LINKED),
                move(UUID.randomUUID(), alice, bob, 1, TransferFlags.LINKED),
                move(UUID.randomUUID(), alice, bob, 1),
                move(UUID.randomUUID(), alice, bob, 1, TransferFlags.LINKED));
        assertThat(results).extracting(TransferEngine.Result::code).containsExactly(ResultCode.EXCEEDS_CREDITS,
                ResultCode.LINKED_EVENT_FAILED, ResultCode.LINKED_EVENT_FAILED, ResultCode.LINKED_EVENT_CHAIN_OPEN);
        assertThat(ledger.get(alice.id()).available()).isEqualTo(10_000);
    }

    @Test
    void balancingDebitMovesAtMostWhatIsAvailable() {
        List<TransferEngine.Result> results = ledger.apply(move(UUID.randomUUID(), alice, bob, 50_000, TransferFlags.BALANCING_DEBIT));
        assertThat(code(results)).isEqualTo(ResultCode.OK);
        assertThat(results.get(0).transfer().amount()).isEqualTo(10_000);
        assertThat(ledger.get(alice.id()).available()).isZero();
        assertThat(code(ledger.apply(move(UUID.randomUUID(), alice, bob, 1, TransferFlags.BALANCING_DEBIT))))
                .isEqualTo(ResultCode.EXCEEDS_CREDITS);
    }

    @Test
    void frozenAccountsOnlyReleaseHoldsAndClosedAccountsTakeNothing() {
        UUID hold = UUID.randomUUID();
        ledger.apply(move(hold, alice, bob, 1_000, TransferFlags.PENDING));
        Account frozen = ledger.get(alice.id());
        ledger.accounts.put(alice.id(), new Account(alice.id(), "PEN", true, false, AccountStatus.FROZEN,
                frozen.debitsPending(), frozen.debitsPosted(), frozen.creditsPending(), frozen.creditsPosted()));
        assertThat(code(ledger.apply(move(UUID.randomUUID(), alice, bob, 1)))).isEqualTo(ResultCode.ACCOUNT_FROZEN);
        assertThat(code(ledger.apply(resolve(UUID.randomUUID(), hold, null, "PEN", TransferFlags.VOID_PENDING)))).isEqualTo(ResultCode.OK);
        ledger.accounts.put(bob.id(), new Account(bob.id(), "PEN", true, false, AccountStatus.CLOSED, 0, 0, 0, 0));
        assertThat(code(ledger.apply(move(UUID.randomUUID(), bank, bob, 1)))).isEqualTo(ResultCode.ACCOUNT_CLOSED);
    }

    @Test
    void timestampsStrictlyIncreaseEvenWhenTheClockStands() {
        List<TransferEngine.Result> results = ledger.apply(move(UUID.randomUUID(), alice, bob, 1), move(UUID.randomUUID(), alice, bob, 1));
        ledger.nowMicros -= 1_000_000; // a clock that went backwards
        List<TransferEngine.Result> later = ledger.apply(move(UUID.randomUUID(), alice, bob, 1));
        assertThat(results.get(1).transfer().timestamp()).isGreaterThan(results.get(0).transfer().timestamp());
        assertThat(later.get(0).transfer().timestamp()).isGreaterThan(results.get(1).transfer().timestamp());
    }

    private static ResultCode code(List<TransferEngine.Result> results) {
        assertThat(results).hasSize(1);
        return results.get(0).code();
    }
}

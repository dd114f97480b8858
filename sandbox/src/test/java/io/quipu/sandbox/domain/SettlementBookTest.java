package io.quipu.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quipu.sandbox.domain.settlement.SettlementBook;
import io.quipu.sandbox.domain.settlement.SettlementPlan;
import io.quipu.sandbox.domain.settlement.SettlementRecord;
import io.quipu.sandbox.domain.settlement.SettlementStatus;
import io.quipu.sandbox.domain.settlement.Submission;

class SettlementBookTest {

    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private final AtomicInteger ids = new AtomicInteger();
    private final SettlementBook<String> book = new SettlementBook<>(3, Duration.ofSeconds(2), Duration.ofSeconds(3));

    private Submission<String> submit(String key, String request, SettlementPlan plan) {
        return book.submit(key, request, Optional.empty(), plan, () -> "id-" + ids.incrementAndGet(), T0);
    }

    @Test
    void settlesAfterTheDelayExactlyOnce() {
        SettlementRecord<String> accepted = ((Submission.Accepted<String>) submit("k1", "pay 10", SettlementPlan.SETTLES)).record();
        assertThat(accepted.status()).isEqualTo(SettlementStatus.ACCEPTED);
        assertThat(book.advance(T0.plusMillis(1_999))).isEmpty();
        assertThat(book.advance(T0.plusSeconds(5))).singleElement().satisfies(settled -> {
            assertThat(settled.status()).isEqualTo(SettlementStatus.SETTLED);
            assertThat(settled.settledAt()).as("when it was due, not when noticed").isEqualTo(T0.plusSeconds(2));
        });
        assertThat(book.advance(T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void aPlannedReturnComesAfterTheSettlementEvenWhenBothAreDueAtOnce() {
        submit("k1", "pay 10", SettlementPlan.settlesThenReturned("AC04"));
        assertThat(book.advance(T0.plusSeconds(10))).extracting(SettlementRecord::status)
                .containsExactly(SettlementStatus.SETTLED, SettlementStatus.RETURNED);
        SettlementRecord<String> returned = book.findByIdempotencyKey("k1").orElseThrow();
        assertThat(returned.returnCode()).isEqualTo("AC04");
        assertThat(returned.returnedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(returned.statusAt()).isEqualTo(returned.returnedAt());
    }

    @Test
    void aPaymentThatNeverSettlesWaitsForTheControlPanel() {
        String id = ((Submission.Accepted<String>) submit("k1", "pay 10", SettlementPlan.NEVER_SETTLES)).record().id();
        assertThat(book.advance(T0.plus(Duration.ofDays(1)))).isEmpty();
        assertThat(book.settle(id, T0.plusSeconds(9))).isInstanceOf(SettlementBook.Change.Made.class);
        assertThat(book.settle(id, T0.plusSeconds(10))).isInstanceOf(SettlementBook.Change.NotAllowed.class);
        assertThat(book.returnPayment(id, "MS03", T0.plusSeconds(11))).isInstanceOf(SettlementBook.Change.Made.class);
        assertThat(book.returnPayment(id, "MS03", T0.plusSeconds(12))).isInstanceOf(SettlementBook.Change.NotAllowed.class);
        assertThat(book.settle("unknown", T0)).isInstanceOf(SettlementBook.Change.NotFound.class);
        assertThatThrownBy(() -> book.returnPayment(id, "closed", T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSameKeyIsTheSamePaymentOrAConflictAndARejectionStoresNothing() {
        Submission<String> first = submit("k1", "pay 10", SettlementPlan.SETTLES);
        assertThat(submit("k1", "pay 10", SettlementPlan.SETTLES)).isInstanceOf(Submission.Repeated.class)
                .extracting(repeated -> ((Submission.Repeated<String>) repeated).record())
                .isEqualTo(((Submission.Accepted<String>) first).record());
        assertThat(submit("k1", "pay 11", SettlementPlan.SETTLES)).isInstanceOf(Submission.KeyReused.class);
        Submission<String> rejected = book.submit("k2", "pay 12", Optional.of("AC01"), SettlementPlan.SETTLES, () -> "x", T0);
        assertThat(rejected).isEqualTo(new Submission.Rejected<String>("AC01"));
        assertThat(book.findByIdempotencyKey("k2")).isEmpty();
        assertThat(book.size()).isEqualTo(1);
    }

    @Test
    void keepsAtMostItsCapacityTheOldestGoFirstWithTheirKeys() {
        for (int index = 1; index <= 5; index++) {
            submit("k" + index, "pay " + index, SettlementPlan.SETTLES);
        }
        assertThat(book.size()).isEqualTo(3);
        assertThat(book.findByIdempotencyKey("k1")).isEmpty();
        assertThat(book.latest(2)).extracting(SettlementRecord::idempotencyKey).containsExactly("k5", "k4");
        assertThat(submit("k1", "pay 1 again", SettlementPlan.SETTLES)).as("a forgotten key is new").isInstanceOf(Submission.Accepted.class);
    }
}

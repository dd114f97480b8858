package io.quipu.payments.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import io.quipu.contracts.fraud.FraudCase;
import io.quipu.contracts.fraud.FraudCheckRequest;
import io.quipu.contracts.fraud.FraudContracts;
import io.quipu.contracts.fraud.FraudDecision;
import io.quipu.contracts.ledger.TransferFlag;
import io.quipu.contracts.ledger.TransferRequest;
import io.quipu.contracts.ledger.TransferResult;
import io.quipu.payments.clients.ClearingHouseClient;
import io.quipu.payments.clients.FraudChecks;
import io.quipu.payments.clients.LedgerAccounts;
import io.quipu.payments.clients.SwiftClient;
import io.quipu.payments.domain.LedgerTransferIds;
import io.quipu.payments.domain.Payment;
import io.quipu.payments.domain.PaymentLimits;
import io.quipu.payments.domain.PaymentState;
import io.quipu.payments.domain.PaymentType;
import io.quipu.payments.events.PaymentEventPublisher;
import io.quipu.payments.store.PaymentStore;
import io.quipu.platform.clients.ProviderUnavailableException;
import io.quipu.platform.money.Money;

/**
 * Moves payments from state to state (docs/payments.md). Every step is a remote call that is safe to repeat (ledger
 * transfer ids and the clearing house's instruction id are derived from the payment id), followed by one save of the
 * new state with its event, checked against the version read: a step interrupted by a crash is simply done again,
 * and two workers never both move one payment. Steps that wait for someone else (fraud review, the clearing house's
 * settlement) are polled by {@link #resumeDue()}; the clearing house's notifications only make it sooner.
 */
public class PaymentSaga {

    private static final Logger log = LoggerFactory.getLogger(PaymentSaga.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 20;
    private static final int MAX_STEPS_PER_RUN = 6;
    /** Ledger results that mean the money cannot move for the customer's reasons (not ours). */
    private static final Set<String> CUSTOMER_REFUSALS = Set.of("exceeds_credits", "account_frozen", "account_closed",
            "debit_account_not_found", "credit_account_not_found", "currency_mismatch");

    public record Settings(Duration holdTimeout, Duration pollInterval, Duration returnWindow, Duration firstRetryDelay,
                           Duration maxRetryDelay, int maxSendAttempts, String bankCode) {
        public Settings {
            if (maxSendAttempts < 1 || maxSendAttempts > 20) {
                throw new IllegalArgumentException("maxSendAttempts must be 1 to 20");
            }
            if (holdTimeout.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("holdTimeout must be at least a minute");
            }
        }
    }

    private final Settings settings;
    private final PaymentStore payments;
    private final LedgerAccounts ledger;
    private final BankAccounts bankAccounts;
    private final FraudChecks fraud;
    private final ClearingHouseClient clearing;
    private final SwiftClient swift;
    private final PaymentLimits limits;
    private final PaymentEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public PaymentSaga(Settings settings, PaymentStore payments, LedgerAccounts ledger, BankAccounts bankAccounts, FraudChecks fraud,
                       ClearingHouseClient clearing, SwiftClient swift, PaymentLimits limits, PaymentEventPublisher events,
                       TransactionTemplate transactions, Clock clock) {
        this.settings = settings;
        this.payments = payments;
        this.ledger = ledger;
        this.bankAccounts = bankAccounts;
        this.fraud = fraud;
        this.clearing = clearing;
        this.swift = swift;
        this.limits = limits;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Works on due payments; returns how many it looked at. */
    public int resumeDue() {
        List<UUID> due = transactions.execute(status -> payments.claimDue(clock.instant(), LEASE, BATCH));
        for (UUID id : due) {
            try {
                advance(id);
            } catch (RuntimeException e) {
                log.warn("payment {} could not move on: {}", id, e.toString());
            }
        }
        return due.size();
    }

    /** Does every step that can be done now, stopping where the payment must wait. */
    public Payment advance(UUID paymentId) {
        for (int step = 0; step < MAX_STEPS_PER_RUN; step++) {
            Payment payment = payments.find(paymentId).orElseThrow();
            Instant now = clock.instant();
            Optional<Payment> moved;
            try {
                moved = step(payment, now);
            } catch (ConcurrentPaymentChange movedMeanwhile) {
                // Another worker did this step first (its calls and ours were the same idempotent ones): its result stands.
                return payments.find(paymentId).orElseThrow();
            } catch (ProviderUnavailableException down) {
                retryLater(payment, now, down.provider() + " unavailable");
                return payments.find(paymentId).orElseThrow();
            }
            if (moved.isEmpty()) {
                return payments.find(paymentId).orElseThrow();
            }
        }
        return payments.find(paymentId).orElseThrow();
    }

    /** One step; empty when the payment waits (for someone, or for time). */
    private Optional<Payment> step(Payment payment, Instant now) {
        return switch (payment.state()) {
            case CREATED -> Optional.of(askFraud(payment, now));
            case UNDER_REVIEW -> followReview(payment, now);
            case AUTHORIZED -> Optional.of(payment.type() == PaymentType.INTERNAL ? transferInternally(payment, now) : hold(payment, now));
            case HELD -> Optional.of(send(payment, now));
            case SENT, COMPLETED -> followNetwork(payment, now);
            case AWAITING_AUTHORIZATION, FAILED, RETURNED -> {
                clearDue(payment, now);
                yield Optional.empty();
            }
        };
    }

    // --- fraud -------------------------------------------------------------------------------------------------------------

    private Payment askFraud(Payment payment, Instant now) {
        FraudDecision decision;
        try {
            decision = fraud.check(fraudRequest(payment));
        } catch (ProviderUnavailableException down) {
            if (limits.mayGoWithoutFraud(payment.amount())) {
                return afterFraudAllowed(payment.withFraud("unavailable", null), now, "fraud unavailable; below the fallback amount");
            }
            // Held until fraud answers: the resumer asks again.
            return save(payment.withFraud("unavailable", null).moveTo(PaymentState.UNDER_REVIEW, now)
                    .dueAt(now.plus(settings.pollInterval())), payment.state(), "fraud unavailable; held above the fallback amount", now);
        }
        return applyDecision(payment, decision, now);
    }

    private Payment applyDecision(Payment payment, FraudDecision decision, Instant now) {
        Payment judged = payment.withFraud(decision.decision(), decision.caseId());
        String reasons = String.join(",", decision.reasons());
        return switch (decision.decision()) {
            case FraudContracts.DENY -> save(judged.fail("fraud_denied", now), payment.state(), "fraud denied: " + reasons, now);
            case FraudContracts.REVIEW -> judged.state() == PaymentState.UNDER_REVIEW
                    ? save(judged.dueAt(now.plus(settings.pollInterval())), payment.state(), null, now)
                    : save(judged.moveTo(PaymentState.UNDER_REVIEW, now).dueAt(now.plus(settings.pollInterval())), payment.state(),
                    "fraud review: " + reasons, now);
            default -> afterFraudAllowed(judged, now, reasons.isEmpty() ? "fraud allowed" : "fraud allowed: " + reasons);
        };
    }

    private Payment afterFraudAllowed(Payment payment, Instant now, String reason) {
        if (limits.needsStepUp(payment.amount())) {
            return save(payment.moveTo(PaymentState.AWAITING_AUTHORIZATION, now), payment.state(), reason + "; step-up required", now);
        }
        return save(payment.moveTo(PaymentState.AUTHORIZED, now).dueAt(safetyNet(now)), payment.state(), reason, now);
    }

    private Optional<Payment> followReview(Payment payment, Instant now) {
        if (payment.fraudCaseId() == null) {
            // Held because fraud did not answer: ask again.
            FraudDecision decision = fraud.check(fraudRequest(payment));
            return Optional.of(applyDecision(payment, decision, now));
        }
        FraudCase review = fraud.fraudCase(payment.fraudCaseId());
        return switch (review.status()) {
            case "approved" -> Optional.of(afterFraudAllowed(payment.withFraud(FraudContracts.ALLOW, payment.fraudCaseId()), now,
                    "fraud case approved by " + review.resolvedBy()));
            case "rejected" -> Optional.of(save(payment.fail("fraud_rejected", now), payment.state(),
                    "fraud case rejected by " + review.resolvedBy(), now));
            default -> {
                save(payment.dueAt(now.plus(settings.pollInterval())), payment.state(), null, now);
                yield Optional.empty();
            }
        };
    }

    private FraudCheckRequest fraudRequest(Payment payment) {
        return new FraudCheckRequest(payment.id(), payment.customerId(), payment.sourceAccountId(), payment.payee(), payment.type().code(),
                payment.amount(), payment.channel(), payment.createdAt());
    }

    // --- the ledger --------------------------------------------------------------------------------------------------------

    private Payment transferInternally(Payment payment, Instant now) {
        TransferResult result = single(new TransferRequest(LedgerTransferIds.transfer(payment.id()), payment.sourceAccountId(),
                payment.destinationAccountId(), payment.amount().toDecimalString(), payment.amount().currencyCode(), "internal_transfer",
                null, null, null, null));
        if (result.succeeded()) {
            return save(payment.moveTo(PaymentState.COMPLETED, now), payment.state(), "ledger transfer " + result.result(), now);
        }
        return save(payment.fail(failureOf(result.result()), now), payment.state(), "ledger refused: " + result.result(), now);
    }

    /** Reserves the money: one pending transfer (interbank), or a linked pair through the FX position (international). */
    private Payment hold(Payment payment, Instant now) {
        bankAccounts.ensureOpen();
        List<TransferRequest> holds = new ArrayList<>();
        long timeoutSeconds = settings.holdTimeout().toSeconds();
        if (payment.type() == PaymentType.INTERBANK) {
            holds.add(new TransferRequest(LedgerTransferIds.hold(payment.id()), payment.sourceAccountId(),
                    bankAccounts.clearing(payment.amount().currencyCode()), payment.amount().toDecimalString(),
                    payment.amount().currencyCode(), "interbank_transfer", Set.of(TransferFlag.PENDING), null, timeoutSeconds, null));
        } else {
            Money target = payment.targetAmount();
            holds.add(new TransferRequest(LedgerTransferIds.hold(payment.id()), payment.sourceAccountId(),
                    bankAccounts.fxPosition(payment.amount().currencyCode()), payment.amount().toDecimalString(),
                    payment.amount().currencyCode(), "international_transfer", Set.of(TransferFlag.PENDING, TransferFlag.LINKED), null,
                    timeoutSeconds, null));
            holds.add(new TransferRequest(LedgerTransferIds.holdTarget(payment.id()), bankAccounts.fxPosition(target.currencyCode()),
                    bankAccounts.clearing(target.currencyCode()), target.toDecimalString(), target.currencyCode(), "international_transfer",
                    Set.of(TransferFlag.PENDING), null, timeoutSeconds, null));
        }
        List<TransferResult> results = ledger.transfer(holds);
        if (results.stream().allMatch(TransferResult::succeeded)) {
            return save(payment.moveTo(PaymentState.HELD, now).dueAt(safetyNet(now)), payment.state(), "funds held", now);
        }
        String refusal = results.stream().filter(result -> !result.succeeded() && !"linked_event_failed".equals(result.result()))
                .map(TransferResult::result).findFirst().orElse(results.get(0).result());
        return save(payment.fail(failureOf(refusal), now), payment.state(), "hold refused: " + refusal, now);
    }

    /** Posts (moves) or voids (releases) the payment's holds, all at once. */
    private void settleHolds(Payment payment, TransferFlag how) {
        List<UUID> holds = payment.type() == PaymentType.INTERNATIONAL
                ? List.of(LedgerTransferIds.hold(payment.id()), LedgerTransferIds.holdTarget(payment.id()))
                : List.of(LedgerTransferIds.hold(payment.id()));
        List<TransferRequest> settlements = new ArrayList<>();
        for (int index = 0; index < holds.size(); index++) {
            UUID hold = holds.get(index);
            UUID id = how == TransferFlag.POST_PENDING ? LedgerTransferIds.post(payment.id(), hold) : LedgerTransferIds.release(payment.id(), hold);
            boolean linked = index < holds.size() - 1;
            Money amount = index == 0 ? payment.amount() : payment.targetAmount();
            settlements.add(new TransferRequest(id, null, null, null, amount.currencyCode(), payment.type().code() + "_transfer",
                    linked ? Set.of(how, TransferFlag.LINKED) : Set.of(how), hold, null, null));
        }
        List<TransferResult> results = ledger.transfer(settlements);
        for (TransferResult result : results) {
            // A hold already voided (it expired) cannot be posted or voided again: for a void that is the goal reached.
            boolean alreadyReleased = how == TransferFlag.VOID_PENDING
                    && ("pending_transfer_expired".equals(result.result()) || "pending_transfer_already_voided".equals(result.result()));
            if (!result.succeeded() && !alreadyReleased) {
                throw new IllegalStateException("the ledger refused to " + how + " the holds of payment " + payment.id() + ": "
                        + result.result());
            }
        }
    }

    /** Gives the customer back what left with a completed payment that the other side returned. */
    private void refund(Payment payment) {
        List<TransferRequest> refunds = new ArrayList<>();
        if (payment.type() == PaymentType.INTERBANK) {
            refunds.add(new TransferRequest(LedgerTransferIds.refund(payment.id(), "source"), bankAccounts.clearing(payment.amount().currencyCode()),
                    payment.sourceAccountId(), payment.amount().toDecimalString(), payment.amount().currencyCode(), "payment_returned",
                    null, null, null, null));
        } else {
            Money target = payment.targetAmount();
            refunds.add(new TransferRequest(LedgerTransferIds.refund(payment.id(), "target"), bankAccounts.clearing(target.currencyCode()),
                    bankAccounts.fxPosition(target.currencyCode()), target.toDecimalString(), target.currencyCode(), "payment_returned",
                    Set.of(TransferFlag.LINKED), null, null, null));
            refunds.add(new TransferRequest(LedgerTransferIds.refund(payment.id(), "source"), bankAccounts.fxPosition(payment.amount().currencyCode()),
                    payment.sourceAccountId(), payment.amount().toDecimalString(), payment.amount().currencyCode(), "payment_returned",
                    null, null, null, null));
        }
        for (TransferResult result : ledger.transfer(refunds)) {
            if (!result.succeeded()) {
                throw new IllegalStateException("the ledger refused the refund of payment " + payment.id() + ": " + result.result());
            }
        }
    }

    // --- the clearing house / SWIFT -----------------------------------------------------------------------------------------

    private Payment send(Payment payment, Instant now) {
        ClearingHouseClient.Outcome outcome;
        try {
            outcome = payment.type() == PaymentType.INTERBANK
                    ? clearing.send(payment.id().toString(), "Cliente Quipu", sourceCci(payment),
                    payment.beneficiaryName(), payment.payee().substring("CCI:".length()), payment.amount(), reference(payment))
                    : swift.send(payment.id(), "Cliente Quipu", sourceCci(payment), payment.beneficiaryName(),
                    payment.payee().substring("IBAN:".length()), payment.beneficiaryBic(), payment.targetAmount(), reference(payment));
        } catch (ProviderUnavailableException down) {
            if (payment.attempts() + 1 >= settings.maxSendAttempts()) {
                settleHolds(payment, TransferFlag.VOID_PENDING);
                return save(payment.fail("network_unavailable", now), payment.state(),
                        down.provider() + " did not answer after " + settings.maxSendAttempts() + " attempts; funds released", now);
            }
            throw down;
        }
        if (outcome instanceof ClearingHouseClient.Accepted accepted) {
            return save(payment.withClearingReference(accepted.traceNumber()).moveTo(PaymentState.SENT, now)
                    .dueAt(now.plus(settings.pollInterval())), payment.state(), "accepted, reference " + accepted.traceNumber(), now);
        }
        String reason = ((ClearingHouseClient.Rejected) outcome).reasonCode();
        settleHolds(payment, TransferFlag.VOID_PENDING);
        return save(payment.fail("rejected_" + reason.toLowerCase(Locale.ROOT), now), payment.state(),
                "rejected by the network (" + reason + "); funds released", now);
    }

    /** Polls the network for a sent or completed payment (settlement, return). */
    private Optional<Payment> followNetwork(Payment payment, Instant now) {
        if (payment.state() == PaymentState.COMPLETED
                && (payment.type() == PaymentType.INTERNAL || now.isAfter(payment.updatedAt().plus(settings.returnWindow())))) {
            clearDue(payment, now);
            return Optional.empty();
        }
        Optional<String[]> status = payment.type() == PaymentType.INTERBANK
                ? clearing.status(payment.clearingReference()).map(found -> new String[] {found.status(), found.returnCode()})
                : swift.status(payment.id()).map(found -> new String[] {found.status(), found.returnCode()});
        if (status.isEmpty()) {
            save(payment.dueAt(now.plus(settings.pollInterval())), payment.state(), null, now);
            return Optional.empty();
        }
        return applyNetworkStatus(payment, status.get()[0], status.get()[1], now);
    }

    /** A status the network reported (polled or notified): settles, completes or returns the payment. */
    Optional<Payment> applyNetworkStatus(Payment payment, String status, String returnCode, Instant now) {
        if (payment.state() == PaymentState.SENT && ("settled".equals(status) || "returned".equals(status))) {
            settleHolds(payment, TransferFlag.POST_PENDING);
            Payment completed = save(payment.moveTo(PaymentState.COMPLETED, now).dueAt(now.plus(settings.pollInterval())), payment.state(),
                    "settled by the network", now);
            return Optional.of(completed);
        }
        if (payment.state() == PaymentState.COMPLETED && "returned".equals(status)) {
            refund(payment);
            String code = returnCode == null ? "unknown" : returnCode;
            return Optional.of(save(payment.moveTo(PaymentState.RETURNED, now), payment.state(),
                    "returned by the beneficiary's bank (" + code + "); customer credited back", now));
        }
        save(payment.dueAt(now.plus(settings.pollInterval())), payment.state(), null, now);
        return Optional.empty();
    }

    /** A notification from the clearing house: the same as a poll, sooner. Unknown references are ignored. */
    public void notified(String traceNumber, String status, String returnCode) {
        payments.findByClearingReference(traceNumber).ifPresent(payment -> {
            applyNetworkStatus(payment, status, returnCode, clock.instant());
            advance(payment.id());
        });
    }

    private String sourceCci(Payment payment) {
        return ledger.account(payment.sourceAccountId()).orElseThrow(() -> new IllegalStateException(
                "the source account of payment " + payment.id() + " is gone")).cci();
    }

    // --- helpers -------------------------------------------------------------------------------------------------------------

    private TransferResult single(TransferRequest request) {
        return ledger.transfer(List.of(request)).get(0);
    }

    private static String failureOf(String ledgerResult) {
        return "exceeds_credits".equals(ledgerResult) ? "insufficient_funds"
                : CUSTOMER_REFUSALS.contains(ledgerResult) ? ledgerResult : "ledger_" + ledgerResult;
    }

    private static String reference(Payment payment) {
        String description = payment.description() == null ? "" : " " + payment.description();
        String reference = "QUIPU " + payment.id().toString().substring(0, 8) + description;
        return reference.length() > 140 ? reference.substring(0, 140) : reference;
    }

    /** When the resumer should do a step this worker is about to do, should this worker crash first. */
    Instant safetyNet(Instant now) {
        return now.plus(settings.firstRetryDelay());
    }

    private void retryLater(Payment payment, Instant now, String why) {
        long delayMillis = Math.min(settings.firstRetryDelay().toMillis() << Math.min(payment.attempts(), 16), settings.maxRetryDelay().toMillis());
        log.info("payment {} in {}: {}, retrying in {} ms", payment.id(), payment.state(), why, delayMillis);
        save(payment.retryAt(now.plusMillis(delayMillis)), payment.state(), null, now);
    }

    private void clearDue(Payment payment, Instant now) {
        if (payment.nextAttemptAt() != null) {
            save(payment.dueAt(null), payment.state(), null, now);
        }
    }

    /**
     * Saves the payment with its state change and event, in one transaction.
     *
     * @throws ConcurrentPaymentChange when someone else moved the payment meanwhile
     */
    Payment save(Payment next, PaymentState previousState, String reason, Instant now) {
        return transactions.execute(status -> {
            if (!payments.save(next, previousState, reason)) {
                throw new ConcurrentPaymentChange(next.id());
            }
            if (next.state() != previousState) {
                events.stateReached(next, now);
            }
            return payments.find(next.id()).orElseThrow();
        });
    }

    /** Another worker moved the payment first: this one's step is dropped (its remote calls were idempotent). */
    public static final class ConcurrentPaymentChange extends RuntimeException {
        public ConcurrentPaymentChange(UUID paymentId) {
            super("payment " + paymentId + " moved meanwhile");
        }
    }
}

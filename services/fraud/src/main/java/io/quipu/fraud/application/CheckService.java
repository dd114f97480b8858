package io.quipu.fraud.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.quipu.contracts.fraud.FraudCheckRequest;
import io.quipu.contracts.fraud.FraudDecision;
import io.quipu.fraud.domain.CaseStatus;
import io.quipu.fraud.domain.CustomerHistory;
import io.quipu.fraud.domain.RiskAssessment;
import io.quipu.fraud.domain.RiskEngine;
import io.quipu.fraud.domain.RiskSettings;
import io.quipu.fraud.domain.Verdict;
import io.quipu.fraud.events.CaseEventPublisher;
import io.quipu.fraud.store.CaseStore;
import io.quipu.fraud.store.CheckStore;
import io.quipu.fraud.store.FailedLoginStore;
import io.quipu.fraud.store.PaymentCheck;
import io.quipu.fraud.store.ReviewCase;
import io.quipu.platform.id.Ids;
import io.quipu.platform.money.Money;
import io.quipu.platform.web.ApiException;

/**
 * Decisions on payments. One transaction reads the customer's history, judges, stores the check (which becomes history
 * for the next one) and, for a review, opens the case with its {@code case.opened} event. Asking again for a payment id
 * answers the stored decision, whatever happened since.
 */
public class CheckService {

    private final RiskEngine engine;
    private final CheckStore checks;
    private final CaseStore cases;
    private final FailedLoginStore failedLogins;
    private final CaseEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;

    public CheckService(RiskEngine engine, CheckStore checks, CaseStore cases, FailedLoginStore failedLogins,
                        CaseEventPublisher events, TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
        this.engine = engine;
        this.checks = checks;
        this.cases = cases;
        this.failedLogins = failedLogins;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
    }

    public FraudDecision check(FraudCheckRequest request) {
        Money amount = request.amount();
        if (!amount.isPositive()) {
            throw ApiException.invalidField("amount", "not_positive", "must be more than zero");
        }
        RiskSettings settings = engine.settings();
        if (!settings.judges(amount.currency())) {
            throw ApiException.invalidField("amount", "unsupported_currency", "currency must be one of "
                    + settings.currencies().stream().map(currency -> currency.getCurrencyCode()).sorted().collect(Collectors.joining(", ")));
        }
        try {
            Decided decided = transactions.execute(status -> decide(request));
            if (decided.fresh()) {
                // New decisions only (not repeats), after the commit: quipu_fraud_decisions_total{decision="deny"} on /actuator/prometheus.
                meters.counter("quipu.fraud.decisions", "decision", decided.decision().decision()).increment();
            }
            return decided.decision();
        } catch (DuplicateKeyException raced) {
            // The same payment id was judged by a concurrent request (another customer's lock): answer its decision.
            return checks.find(request.paymentId()).map(stored -> repeated(stored, request)).orElseThrow(() -> raced);
        }
    }

    public FraudDecision decision(UUID paymentId) {
        return checks.find(paymentId).map(Views::decision).orElseThrow(FraudProblems::decisionNotFound);
    }

    private record Decided(FraudDecision decision, boolean fresh) {
    }

    private Decided decide(FraudCheckRequest request) {
        checks.lockCustomer(request.customerId());
        Optional<PaymentCheck> existing = checks.find(request.paymentId());
        if (existing.isPresent()) {
            return new Decided(repeated(existing.get(), request), false);
        }
        RiskSettings settings = engine.settings();
        // PostgreSQL keeps microseconds: the first answer must equal every later one.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID customerId = request.customerId();
        CustomerHistory history = new CustomerHistory(
                checks.usualAmounts(customerId, request.amount().currencyCode(), now, settings.usualHistorySize()),
                checks.countBetween(customerId, now.minus(settings.velocityWindow()), now),
                checks.payeeKnown(customerId, request.payee()),
                failedLogins.countBetween(customerId, now.minus(settings.failedLoginWindow()), now));
        RiskAssessment assessment = engine.assess(request.amount(), now, history);
        UUID caseId = assessment.verdict() == Verdict.REVIEW ? Ids.newId() : null;
        PaymentCheck check = new PaymentCheck(request.paymentId(), Ids.newId(), customerId, request.sourceAccountId(),
                request.payee(), request.paymentType(), request.channel(), request.amount(), request.requestedAt(),
                assessment.verdict(), assessment.rules(), assessment.score(), caseId, now);
        checks.insert(check);
        if (caseId != null) {
            ReviewCase opened = new ReviewCase(caseId, check.paymentId(), customerId, check.amount(), check.payee(), CaseStatus.OPEN,
                    assessment.rules(), assessment.score(), null, null, now, null);
            cases.insert(opened);
            events.opened(Views.fraudCase(opened));
        }
        return new Decided(Views.decision(check), true);
    }

    /** The stored decision, if the repeat is the same payment (same customer, amount and payee). */
    private static FraudDecision repeated(PaymentCheck stored, FraudCheckRequest request) {
        if (!stored.customerId().equals(request.customerId()) || !stored.amount().equals(request.amount())
                || !Objects.equals(stored.payee(), request.payee())) {
            throw FraudProblems.paymentIdReused();
        }
        return Views.decision(stored);
    }
}

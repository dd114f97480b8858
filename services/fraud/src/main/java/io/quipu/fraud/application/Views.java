package io.quipu.fraud.application;

import io.quipu.contracts.fraud.FraudCase;
import io.quipu.contracts.fraud.FraudDecision;
import io.quipu.fraud.store.PaymentCheck;
import io.quipu.fraud.store.ReviewCase;

/** Stored checks and cases as the contracts show them. */
final class Views {

    private Views() {
    }

    static FraudDecision decision(PaymentCheck check) {
        return new FraudDecision(check.decisionId(), check.paymentId(), check.verdict().code(),
                check.rules().stream().map(rule -> rule.code()).toList(), check.riskScore(), check.caseId(), check.decidedAt());
    }

    static FraudCase fraudCase(ReviewCase reviewCase) {
        return new FraudCase(reviewCase.id(), reviewCase.paymentId(), reviewCase.customerId(), reviewCase.amount(),
                reviewCase.payee(), reviewCase.status().code(), reviewCase.rules().stream().map(rule -> rule.code()).toList(),
                reviewCase.riskScore(), reviewCase.resolvedBy(), reviewCase.resolution(), reviewCase.createdAt(),
                reviewCase.resolvedAt());
    }
}

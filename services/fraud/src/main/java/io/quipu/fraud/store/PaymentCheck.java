package io.quipu.fraud.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quipu.fraud.domain.RiskRule;
import io.quipu.fraud.domain.Verdict;
import io.quipu.platform.money.Money;

/** A payment the service was asked about, and the decision it gave (one per payment id, never changed). */
public record PaymentCheck(
        UUID paymentId,
        UUID decisionId,
        UUID customerId,
        UUID sourceAccountId,
        String payee,
        String paymentType,
        String channel,
        Money amount,
        Instant requestedAt,
        Verdict verdict,
        List<RiskRule> rules,
        int riskScore,
        UUID caseId,
        Instant decidedAt) {

    public PaymentCheck {
        rules = List.copyOf(rules);
    }
}

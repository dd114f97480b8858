package io.quipu.fraud.store;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quipu.fraud.domain.CaseStatus;
import io.quipu.fraud.domain.RiskRule;
import io.quipu.platform.money.Money;

/** A payment held for an analyst, as stored. */
public record ReviewCase(
        UUID id,
        UUID paymentId,
        UUID customerId,
        Money amount,
        String payee,
        CaseStatus status,
        List<RiskRule> rules,
        int riskScore,
        String resolvedBy,
        String resolution,
        Instant createdAt,
        Instant resolvedAt) {

    public ReviewCase {
        rules = List.copyOf(rules);
    }
}

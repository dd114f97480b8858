package io.quipu.contracts.fraud;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quipu.platform.money.Money;

/** A payment held for review: {@code status} {@code open}, then {@code approved} or {@code rejected} by an analyst. */
public record FraudCase(
        UUID id,
        UUID paymentId,
        UUID customerId,
        Money amount,
        String payee,
        String status,
        List<String> reasons,
        int riskScore,
        String resolvedBy,
        String resolution,
        Instant createdAt,
        Instant resolvedAt) {
}

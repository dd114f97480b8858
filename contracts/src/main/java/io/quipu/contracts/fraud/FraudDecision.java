package io.quipu.contracts.fraud;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The decision: {@code allow}, {@code review} (a case for an analyst: {@code caseId}) or {@code deny}, with the rules
 * that fired ({@code reasons}: {@code amount_above_usual}, {@code velocity}, {@code new_payee_high_amount},
 * {@code unusual_hour}, {@code recent_failed_logins}) and a 0–100 score.
 */
public record FraudDecision(
        UUID decisionId,
        UUID paymentId,
        String decision,
        List<String> reasons,
        int riskScore,
        UUID caseId,
        Instant decidedAt) {
}

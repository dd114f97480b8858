package io.quipu.contracts.customers;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of the {@code customers} topic (key = customer id). Personal data is masked: consumers that need more ask the
 * customers service. {@code signedContractDocumentId} is set on {@code customer.onboarded}.
 */
public record CustomerEvent(
        UUID customerId,
        String status,
        String riskLevel,
        String fullName,
        String emailMasked,
        String phoneMasked,
        String documentType,
        String documentNumberMasked,
        String language,
        UUID accountId,
        UUID signedContractDocumentId,
        Instant occurredAt) {
}

package io.quipu.contracts.payments;

import java.time.Instant;
import java.util.UUID;

import io.quipu.platform.money.Money;

/** Payload of the {@code payments} topic (key = payment id); the payee is masked. */
public record PaymentEvent(
        UUID paymentId,
        UUID customerId,
        String type,
        String state,
        UUID sourceAccountId,
        Money amount,
        String payeeMasked,
        String failureReason,
        Instant occurredAt) {
}

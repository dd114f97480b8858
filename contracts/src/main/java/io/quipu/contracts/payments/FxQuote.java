package io.quipu.contracts.payments;

import java.time.Instant;
import java.util.UUID;

import io.quipu.platform.money.Money;

/** A quote: valid until {@code expiresAt} (30 s), for one payment. {@code rate} is source per target, a decimal string. */
public record FxQuote(UUID id, String rate, int spreadBasisPoints, Money sourceAmount, Money targetAmount, Instant expiresAt) {
}

package io.quipu.contracts.identity;

import java.util.UUID;

/** A redeemed step-up: the payment was confirmed by its user and the authorization is now spent. */
public record StepUpRedemption(boolean valid, UUID paymentId, String userId) {
}

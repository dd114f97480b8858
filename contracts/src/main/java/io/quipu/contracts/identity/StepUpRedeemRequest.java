package io.quipu.contracts.identity;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.quipu.platform.money.Money;

/**
 * {@code POST /auth/step-up/redeem} (scope {@code identity:step-up}): the payment as the payments service is about to
 * execute it, with the authorization the customer sent. Accepted once, only if the payment is the one confirmed.
 */
public record StepUpRedeemRequest(@NotBlank @Size(max = 8192) String authorization,
                                  @NotNull UUID paymentId,
                                  @NotNull Money amount,
                                  @NotBlank @Size(max = 64) String payee) {
}

package io.quipu.contracts.payments;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The identity service's step-up authorization for exactly this payment (its id, amount and payee). */
public record AuthorizePaymentRequest(@NotBlank @Size(max = 8192) String stepUpAuthorization) {
}

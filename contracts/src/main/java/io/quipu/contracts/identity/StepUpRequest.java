package io.quipu.contracts.identity;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quipu.platform.money.Money;

/**
 * {@code POST /auth/step-up} with the user's token: asks to confirm one payment (PSD2 dynamic linking). The
 * authorization that comes out is bound to exactly this payment id, amount and payee. {@code factor}: {@code otp}
 * (a code by SMS whose text states the amount and the payee).
 */
public record StepUpRequest(@NotNull UUID paymentId,
                            @NotNull Money amount,
                            @NotBlank @Size(max = 64) String payee,
                            @NotBlank @Pattern(regexp = "otp|passkey", message = "must be otp or passkey") String factor) {
}

package io.quipu.contracts.identity;

import jakarta.validation.constraints.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /auth/step-up/{id}/confirm}: the six digits of the step-up's SMS ({@code otp}), or the passkey's answer
 * ({@code credential}, as {@code toJSON()} gives it) — exactly one, the one the step-up was started with.
 */
public record StepUpConfirmRequest(@Pattern(regexp = "\\d{6}", message = "must be six digits") String otp,
                                   JsonNode credential) {
}

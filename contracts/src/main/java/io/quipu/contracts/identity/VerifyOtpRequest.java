package io.quipu.contracts.identity;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Second step: {@code POST /auth/verify-otp} with the six digits received by SMS. */
public record VerifyOtpRequest(@NotNull UUID loginId,
                               @NotBlank @Pattern(regexp = "\\d{6}", message = "must be six digits") String otp) {
}

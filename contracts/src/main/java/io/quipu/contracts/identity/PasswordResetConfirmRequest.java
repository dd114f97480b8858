package io.quipu.contracts.identity;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /auth/password-reset/confirm}: the code from the SMS and the new password. */
public record PasswordResetConfirmRequest(@NotNull UUID resetId,
                                          @NotBlank @Pattern(regexp = "\\d{6}", message = "must be six digits") String otp,
                                          @NotBlank @Size(max = 256) String newPassword) {
}

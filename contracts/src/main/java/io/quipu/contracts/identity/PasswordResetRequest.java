package io.quipu.contracts.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /auth/password-reset}: always answered 202 with a {@link PasswordResetStarted}, whoever the username is. */
public record PasswordResetRequest(@NotBlank @Size(max = 64) String username) {
}

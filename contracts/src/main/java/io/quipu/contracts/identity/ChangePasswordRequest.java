package io.quipu.contracts.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /auth/password} with the user's token. Lengths are bounded here; the password rules are the service's. */
public record ChangePasswordRequest(@NotBlank @Size(max = 256) String currentPassword,
                                    @NotBlank @Size(max = 256) String newPassword) {
}

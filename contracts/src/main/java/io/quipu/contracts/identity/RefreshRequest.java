package io.quipu.contracts.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /auth/refresh} (rotates the refresh token) and {@code POST /auth/logout} (revokes its family). */
public record RefreshRequest(@NotBlank @Size(max = 128) String refreshToken) {
}

package io.quipu.contracts.identity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** First step of a login: {@code POST /auth/login}. */
public record LoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {
}

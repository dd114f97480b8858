package io.quipu.contracts.identity;

import java.time.Instant;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

/**
 * Answer to {@code POST /auth/step-up}: confirm with {@code POST /auth/step-up/{stepUpId}/confirm} before
 * {@code expiresAt}. For {@code factor} {@code passkey}, {@code publicKey} holds the WebAuthn request options for
 * {@code navigator.credentials.get} (binary fields base64url); for {@code otp} it is null and the code comes by SMS.
 */
public record StepUpChallenge(UUID stepUpId, String factor, Instant expiresAt, JsonNode publicKey) {
}

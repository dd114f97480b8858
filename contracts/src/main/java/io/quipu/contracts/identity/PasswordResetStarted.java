package io.quipu.contracts.identity;

import java.util.UUID;

/**
 * Answer to {@code POST /auth/password-reset}: the same for every username (an unknown one gets an id that never
 * works), so nobody learns which usernames exist. The code arrives by SMS if the user exists.
 */
public record PasswordResetStarted(UUID resetId) {
}

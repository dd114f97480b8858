package io.quipu.contracts.identity;

import java.util.List;
import java.util.UUID;

/**
 * The password was accepted: a second factor is required within 5 minutes. {@code factors} lists what can complete
 * the login ({@code otp}: the code sent by SMS; {@code passkey}: once passkeys exist).
 */
public record LoginChallenge(UUID loginId, boolean requireMfa, List<String> factors) {
}

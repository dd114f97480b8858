package io.quipu.contracts.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of every event on topic {@code auth-events}; the CloudEvent type says what happened
 * ({@link IdentityContracts}). Fields that do not apply are null.
 *
 * @param userId              the user, null when the username belongs to nobody
 * @param userKind            {@code customer} or {@code staff}
 * @param customerId          the customer, for customers
 * @param loginId             the login transaction, once the password was accepted
 * @param reason              why a login failed: {@code wrong_password}, {@code unknown_user}, {@code user_disabled},
 *                            {@code account_locked}, {@code wrong_otp}, {@code otp_attempts_exhausted}
 * @param consecutiveFailures failed passwords and one-time passwords in a row, after this event
 * @param lockedUntil         when a lock ends
 * @param sourceAddress       the caller's network address, for fraud rules
 * @param occurredAt          when it happened
 */
public record AuthEvent(
        UUID userId,
        String userKind,
        UUID customerId,
        UUID loginId,
        String reason,
        Integer consecutiveFailures,
        Instant lockedUntil,
        String sourceAddress,
        Instant occurredAt) {
}

package io.quipu.identity.events;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.quipu.contracts.events.Topics;
import io.quipu.contracts.identity.AuthEvent;
import io.quipu.contracts.identity.IdentityContracts;
import io.quipu.identity.store.UserRecord;
import io.quipu.platform.events.Outbox;

/**
 * Announces logins on {@code auth-events} through the outbox, in the transaction of the state change (a failure counted
 * and its event commit together). Never a password, code or token in an event.
 */
@Component
public class AuthEventPublisher {

    /** A user registered a passkey. Not in the contracts' constants yet (see docs/identity.md). */
    public static final String PASSKEY_REGISTERED = "io.quipu.identity.passkey.registered";
    /** The {@code reason} of {@code login.succeeded} when the second factor was a passkey (a code leaves it empty). */
    public static final String FACTOR_PASSKEY = "passkey";

    private final Outbox outbox;

    public AuthEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publish(String type, UserRecord user, UUID loginId, String reason, Integer consecutiveFailures,
                        Instant lockedUntil, String sourceAddress, Instant occurredAt) {
        AuthEvent event = new AuthEvent(user == null ? null : user.id(), user == null ? null : user.kind(),
                user == null ? null : user.customerId(), loginId, reason, consecutiveFailures, lockedUntil, sourceAddress,
                occurredAt);
        String key = user == null ? IdentityContracts.UNKNOWN_USER_KEY : user.id().toString();
        outbox.append(Topics.AUTH_EVENTS, key, type, event);
    }
}

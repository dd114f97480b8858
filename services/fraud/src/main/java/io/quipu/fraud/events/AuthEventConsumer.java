package io.quipu.fraud.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.quipu.contracts.events.Topics;
import io.quipu.contracts.identity.AuthEvent;
import io.quipu.contracts.identity.IdentityContracts;
import io.quipu.fraud.store.FailedLoginStore;
import io.quipu.platform.events.EventInbox;
import io.quipu.platform.events.ReceivedEvent;

/**
 * Listens to the identity service's {@code auth-events} (consumer group {@code fraud}) and keeps the failures of
 * customers that the {@code recent_failed_logins} rule counts. Each event takes effect once: its id is remembered in the
 * transaction of the insert ({@link EventInbox}), so a redelivered event is skipped; an unreadable one goes to the
 * dead-letter topic. Staff users' and unknown usernames' failures (no {@code customerId}) are not kept.
 */
@Component
public class AuthEventConsumer {

    public static final String CONSUMER_GROUP = "fraud";
    /**
     * The event types that count as a failed login: a wrong password, code or passkey, a lock, and also a wrong step-up
     * code (someone in the session without the phone) and a wrong password-reset code (someone taking the account over
     * through "forgot my password").
     */
    public static final Set<String> FAILURES = Set.of(IdentityContracts.LOGIN_FAILED, IdentityContracts.OTP_FAILED,
            IdentityContracts.PASSKEY_FAILED, IdentityContracts.ACCOUNT_LOCKED, IdentityContracts.STEP_UP_FAILED,
            IdentityContracts.PASSWORD_RESET_FAILED);

    private final EventInbox inbox;
    private final FailedLoginStore failedLogins;
    private final Clock clock;
    private final Duration retention;

    public AuthEventConsumer(EventInbox inbox, FailedLoginStore failedLogins, Clock clock,
                             @Value("${quipu.fraud.failed-logins.retention:1d}") Duration retention) {
        this.inbox = inbox;
        this.failedLogins = failedLogins;
        this.clock = clock;
        this.retention = retention;
    }

    @KafkaListener(topics = Topics.AUTH_EVENTS, groupId = CONSUMER_GROUP,
            autoStartup = "${quipu.fraud.auth-events.consumer-enabled:true}")
    void onAuthEvent(ConsumerRecord<String, byte[]> record) {
        inbox.process(CONSUMER_GROUP, record, this::handle);
    }

    void handle(ReceivedEvent event) {
        if (!FAILURES.contains(event.type())) {
            return;
        }
        AuthEvent data = event.data(AuthEvent.class);
        if (data.customerId() == null) {
            return;
        }
        Instant occurredAt = data.occurredAt() != null ? data.occurredAt()
                : event.time() != null ? event.time().toInstant() : clock.instant();
        if (occurredAt.isBefore(clock.instant().minus(retention))) {
            return; // older than anything the rule looks at, and than the clean-up keeps
        }
        failedLogins.insert(data.customerId(), event.type(), occurredAt);
    }
}

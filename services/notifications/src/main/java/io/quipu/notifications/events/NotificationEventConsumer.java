package io.quipu.notifications.events;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.quipu.contracts.customers.CustomerEvent;
import io.quipu.contracts.customers.CustomersContracts;
import io.quipu.contracts.events.Topics;
import io.quipu.contracts.identity.AuthEvent;
import io.quipu.contracts.identity.IdentityContracts;
import io.quipu.contracts.ledger.LedgerContracts;
import io.quipu.contracts.ledger.TransferEvent;
import io.quipu.contracts.payments.PaymentEvent;
import io.quipu.contracts.payments.PaymentsContracts;
import io.quipu.notifications.application.DeliveryDispatcher;
import io.quipu.notifications.application.NotificationIntake;
import io.quipu.notifications.domain.Masking;
import io.quipu.notifications.domain.NotificationFacts;
import io.quipu.notifications.domain.NotificationKind;
import io.quipu.notifications.store.LoginSourceStore;
import io.quipu.platform.events.EventInbox;
import io.quipu.platform.events.ReceivedEvent;

/**
 * Decides who must be told what (consumer group {@code notif}), each event once ({@link EventInbox}: its id is
 * remembered in the transaction that queues the notification, so a redelivered event sends nothing again; an
 * unreadable one goes to the topic's dead-letter topic):
 * <ul>
 * <li>{@code transfers}: a posted transfer (or a posted hold) on a customer's account: credit = money received, debit =
 * money sent. Holds, voids and expiries are not news to the customer, nor history recorded after the fact (codes
 * {@code historical_*}); bank-internal accounts have no customer.</li>
 * <li>{@code payments}: failed and returned payments (the money moving was already told from {@code transfers}).</li>
 * <li>{@code customers}: {@code customer.onboarded}.</li>
 * <li>{@code auth-events}: a customer's account locked; a login from a network the customer had not logged in from
 * (not their first login: that one has nothing to compare with).</li>
 * </ul>
 * Everything else is ignored.
 */
@Component
public class NotificationEventConsumer {

    public static final String CONSUMER_GROUP = "notif";
    static final String POSTED = LedgerContracts.EVENT_TYPE_PREFIX + "posted";
    static final String POSTED_PENDING = LedgerContracts.EVENT_TYPE_PREFIX + "posted_pending";

    private final EventInbox inbox;
    private final NotificationIntake intake;
    private final DeliveryDispatcher dispatcher;
    private final LoginSourceStore loginSources;

    public NotificationEventConsumer(EventInbox inbox, NotificationIntake intake, DeliveryDispatcher dispatcher,
                                     LoginSourceStore loginSources) {
        this.inbox = inbox;
        this.intake = intake;
        this.dispatcher = dispatcher;
        this.loginSources = loginSources;
    }

    @KafkaListener(topics = Topics.TRANSFERS, groupId = CONSUMER_GROUP)
    void onTransfer(ConsumerRecord<String, byte[]> record) {
        process(record, this::transfer);
    }

    @KafkaListener(topics = Topics.PAYMENTS, groupId = CONSUMER_GROUP)
    void onPayment(ConsumerRecord<String, byte[]> record) {
        process(record, this::payment);
    }

    @KafkaListener(topics = Topics.CUSTOMERS, groupId = CONSUMER_GROUP)
    void onCustomer(ConsumerRecord<String, byte[]> record) {
        process(record, this::customer);
    }

    @KafkaListener(topics = Topics.AUTH_EVENTS, groupId = CONSUMER_GROUP)
    void onAuthEvent(ConsumerRecord<String, byte[]> record) {
        process(record, this::authEvent);
    }

    private void process(ConsumerRecord<String, byte[]> record, java.util.function.Consumer<ReceivedEvent> handler) {
        if (inbox.process(CONSUMER_GROUP, record, handler)) {
            dispatcher.wakeUp(); // after the commit: the deliveries are visible to the dispatcher now
        }
    }

    void transfer(ReceivedEvent event) {
        if (!POSTED.equals(event.type()) && !POSTED_PENDING.equals(event.type())) {
            return;
        }
        TransferEvent transfer = event.data(TransferEvent.class);
        if (transfer.customerId() == null || transfer.amount() == null || transfer.accountId() == null) {
            return;
        }
        if (transfer.code() != null && transfer.code().startsWith(LedgerContracts.HISTORICAL_CODE_PREFIX)) {
            return; // history recorded after the fact: the customer was told when it happened
        }
        NotificationKind kind = switch (String.valueOf(transfer.direction())) {
            case "credit" -> NotificationKind.MONEY_RECEIVED;
            case "debit" -> NotificationKind.MONEY_SENT;
            default -> null;
        };
        if (kind == null) {
            return;
        }
        // The customer knows the account by its number; an event published before the number was in it names the id.
        String account = transfer.accountNumber() != null ? transfer.accountNumber() : transfer.accountId().toString();
        NotificationFacts facts = new NotificationFacts(transfer.amount(), Masking.lastFour(account), null,
                transfer.availableBalanceAfter(), null, null, transfer.accountId(), null);
        intake.accept(transfer.customerId(), kind, event.id(), facts);
    }

    void payment(ReceivedEvent event) {
        NotificationKind kind;
        if (PaymentsContracts.FAILED.equals(event.type())) {
            kind = NotificationKind.PAYMENT_FAILED;
        } else if (PaymentsContracts.RETURNED.equals(event.type())) {
            kind = NotificationKind.PAYMENT_RETURNED;
        } else {
            return;
        }
        PaymentEvent payment = event.data(PaymentEvent.class);
        if (payment.customerId() == null) {
            return;
        }
        // Payment events name the account by id only: the message names the payee, not an account number it lacks.
        NotificationFacts facts = new NotificationFacts(payment.amount(), null,
                Masking.lastFour(payment.payeeMasked()), null, payment.failureReason(), null, payment.sourceAccountId(), null);
        intake.accept(payment.customerId(), kind, event.id(), facts);
    }

    void customer(ReceivedEvent event) {
        if (!CustomersContracts.CUSTOMER_ONBOARDED.equals(event.type())) {
            return;
        }
        CustomerEvent customer = event.data(CustomerEvent.class);
        if (customer.customerId() == null) {
            return;
        }
        NotificationFacts facts = new NotificationFacts(null, null, null, null, null, null, customer.accountId(), null);
        intake.accept(customer.customerId(), NotificationKind.ONBOARDING_COMPLETED, event.id(), facts);
    }

    void authEvent(ReceivedEvent event) {
        if (IdentityContracts.LOGIN_SUCCEEDED.equals(event.type())) {
            loginSucceeded(event);
            return;
        }
        if (!IdentityContracts.ACCOUNT_LOCKED.equals(event.type())) {
            return;
        }
        AuthEvent auth = event.data(AuthEvent.class);
        if (auth.customerId() == null) {
            return; // staff users are not customers of this service
        }
        NotificationFacts facts = new NotificationFacts(null, null, null, null, null, auth.lockedUntil(), null, null);
        intake.accept(auth.customerId(), NotificationKind.ACCOUNT_LOCKED, event.id(), facts);
    }

    /** Networks, not addresses: a phone on mobile data changes address all the time, rarely network. */
    private void loginSucceeded(ReceivedEvent event) {
        AuthEvent auth = event.data(AuthEvent.class);
        String network = Masking.network(auth.sourceAddress());
        if (auth.customerId() == null || network == null) {
            return;
        }
        Instant at = auth.occurredAt() != null ? auth.occurredAt() : Instant.now();
        if (loginSources.remember(auth.customerId(), network, at) == LoginSourceStore.Seen.NEW_NETWORK) {
            NotificationFacts facts = new NotificationFacts(null, null, null, null, null, null, null, network);
            intake.accept(auth.customerId(), NotificationKind.NEW_LOGIN_SOURCE, event.id(), facts);
        }
    }
}

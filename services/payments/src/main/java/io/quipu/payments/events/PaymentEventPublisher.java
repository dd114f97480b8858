package io.quipu.payments.events;

import java.time.Instant;

import org.springframework.stereotype.Component;

import io.quipu.contracts.events.Topics;
import io.quipu.contracts.payments.PaymentEvent;
import io.quipu.contracts.payments.PaymentsContracts;
import io.quipu.payments.domain.Payment;
import io.quipu.payments.domain.PaymentState;
import io.quipu.payments.domain.Payees;
import io.quipu.platform.events.Outbox;

/** Announces payments on topic {@code payments} (key = payment id) through the outbox, in the state change's transaction. */
@Component
public class PaymentEventPublisher {

    private final Outbox outbox;

    public PaymentEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The event of reaching {@code payment.state()}, if that state has one (waiting states have none). */
    public void stateReached(Payment payment, Instant at) {
        String type = switch (payment.state()) {
            case CREATED -> PaymentsContracts.CREATED;
            case AUTHORIZED -> PaymentsContracts.AUTHORIZED;
            case HELD -> PaymentsContracts.HELD;
            case SENT -> PaymentsContracts.SENT;
            case COMPLETED -> PaymentsContracts.COMPLETED;
            case FAILED -> PaymentsContracts.FAILED;
            case RETURNED -> PaymentsContracts.RETURNED;
            case AWAITING_AUTHORIZATION, UNDER_REVIEW -> null;
        };
        if (type != null) {
            outbox.append(Topics.PAYMENTS, payment.id().toString(), type, new PaymentEvent(payment.id(), payment.customerId(),
                    payment.type().code(), payment.state().code(), payment.sourceAccountId(), payment.amount(),
                    Payees.masked(payment.payee()), payment.failureReason(), at));
        }
    }

    /** For tests and readers: whether a state announces itself. */
    public static boolean announces(PaymentState state) {
        return state != PaymentState.AWAITING_AUTHORIZATION && state != PaymentState.UNDER_REVIEW;
    }
}

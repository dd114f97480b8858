package io.quipu.payments.domain;

/** A move the payment state machine does not allow: a bug or a race, never a customer's mistake. */
public class IllegalPaymentTransition extends IllegalStateException {

    public IllegalPaymentTransition(PaymentState from, PaymentState to) {
        super("a payment cannot go from " + from + " to " + to);
    }
}

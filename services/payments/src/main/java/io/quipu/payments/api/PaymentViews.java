package io.quipu.payments.api;

import java.util.List;

import io.quipu.contracts.payments.PaymentResponse;
import io.quipu.payments.domain.Payment;
import io.quipu.payments.store.PaymentStore;

/** A payment as the API shows it. */
final class PaymentViews {

    private PaymentViews() {
    }

    static PaymentResponse of(Payment payment, List<PaymentStore.StateChange> history) {
        return new PaymentResponse(payment.id(), payment.type().code(), payment.state().code(), payment.sourceAccountId(), payment.amount(),
                payment.payee(), payment.beneficiaryName(), payment.description(), payment.channel(), payment.fraudDecision(),
                payment.fraudCaseId(), payment.failureReason(), payment.clearingReference(),
                payment.fxQuoteId() == null ? null : new PaymentResponse.FxDetails(payment.fxQuoteId(), payment.fxRate(), payment.targetAmount()),
                payment.createdAt(), payment.updatedAt(),
                history.stream().map(change -> new PaymentResponse.StateChange(change.from() == null ? null : change.from().code(),
                        change.to().code(), change.at(), change.reason())).toList());
    }
}

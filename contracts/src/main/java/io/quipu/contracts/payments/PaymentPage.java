package io.quipu.contracts.payments;

import java.util.List;

/** A page of payments, newest first; {@code nextCursor} is absent on the last page. */
public record PaymentPage(List<PaymentResponse> items, String nextCursor) {
}

package io.quipu.payments.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.contracts.payments.AuthorizePaymentRequest;
import io.quipu.contracts.payments.CreatePaymentRequest;
import io.quipu.contracts.payments.FxQuote;
import io.quipu.contracts.payments.FxQuoteRequest;
import io.quipu.contracts.payments.PaymentPage;
import io.quipu.contracts.payments.PaymentResponse;
import io.quipu.payments.application.PaymentService;
import io.quipu.payments.domain.Payment;
import io.quipu.platform.security.CurrentCaller;
import io.quipu.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Payment orders of customers (docs/payments.md). Customers see only their own; staff read all. */
@RestController
@Tag(name = "Payments", description = "Internal, interbank and international payments.")
class PaymentController {

    private final PaymentService payments;

    PaymentController(PaymentService payments) {
        this.payments = payments;
    }

    @PostMapping("/payments")
    @Operation(summary = "Order a payment (needs an Idempotency-Key: a repeat answers the first result)")
    ResponseEntity<PaymentResponse> create(@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                                           @Valid @RequestBody CreatePaymentRequest request) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw ApiException.badRequest("idempotency_key_required", "POST /payments needs an Idempotency-Key header.");
        }
        Payment payment = payments.create(request, payer());
        return ResponseEntity.created(URI.create("/payments/" + payment.id())).body(view(payment));
    }

    @GetMapping("/payments/{id}")
    @Operation(summary = "A payment with its state history")
    PaymentResponse get(@PathVariable UUID id) {
        return view(payments.ownPayment(id, customerOrStaff()));
    }

    @GetMapping("/payments")
    @Operation(summary = "The payments from an account, newest first")
    PaymentPage list(@RequestParam UUID accountId, @RequestParam(required = false) String cursor,
                     @RequestParam(defaultValue = "20") int limit) {
        List<Payment> oneMore = payments.ofAccount(accountId, customerOrStaff(), cursor, limit);
        return payments.page(oneMore, limit, this::view);
    }

    @PostMapping("/payments/{id}/authorization")
    @Operation(summary = "Confirm a payment above the step-up limit with identity's step-up authorization for it")
    PaymentResponse authorize(@PathVariable UUID id, @Valid @RequestBody AuthorizePaymentRequest request) {
        return view(payments.authorize(id, request.stepUpAuthorization(), payer()));
    }

    @PostMapping("/fx/quotes")
    @Operation(summary = "An FX quote for an international payment (valid 30 seconds)")
    ResponseEntity<FxQuote> quote(@Valid @RequestBody FxQuoteRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(payments.quote(request, payer().customerId()));
    }

    private PaymentResponse view(Payment payment) {
        return PaymentViews.of(payment, payments.history(payment.id()));
    }

    private static PaymentService.Payer payer() {
        UUID customerId = CurrentCaller.customerId().orElseThrow(() -> ApiException.forbidden("customer_token_required",
                "Only a customer orders payments, from their own accounts."));
        String userId = CurrentCaller.token().map(jwt -> jwt.getClaimAsString("user_id")).orElse(null);
        return new PaymentService.Payer(customerId, userId, "web");
    }

    /** The customer whose payments may be seen, or null for staff and services (all). */
    private static UUID customerOrStaff() {
        return CurrentCaller.customerId().orElse(null);
    }
}

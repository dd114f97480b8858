package io.quipu.sandbox.api;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.platform.money.Money;
import io.quipu.platform.web.ApiException;
import io.quipu.sandbox.delivery.SettlementDesk;
import io.quipu.sandbox.domain.settlement.SettlementRecord;
import io.quipu.sandbox.domain.settlement.Submission;
import io.quipu.sandbox.domain.swift.PaymentInstruction;
import io.quipu.sandbox.domain.swift.SwiftRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The simulated SWIFT-like network: international payments in USD and EUR to an IBAN and BIC, keyed by UETR. */
@RestController
@RequestMapping("/swift/v1/payments")
@Tag(name = "SWIFT-like network", description = "Simulated international payments (gpi-like, UETR). Requires the X-Api-Key header.")
public class SwiftController {

    private final SettlementDesk<PaymentInstruction> desk;

    public SwiftController(SettlementDesk<PaymentInstruction> swiftDesk) {
        this.desk = swiftDesk;
    }

    /** {@code uetr}: a UUID the client chooses, the idempotency key; {@code amount}: {"amount": "250.00", "currency": "USD"}. */
    public record PaymentRequest(String uetr, String debtorName, String debtorAccount, String creditorName,
            String creditorIban, String creditorBic, Money amount, String remittanceInformation, String callbackUrl) {
    }

    public record PaymentView(String uetr, String status, String returnCode, String debtorName, String debtorAccount,
            String creditorName, String creditorIban, String creditorBic, Money amount, String remittanceInformation,
            String callbackUrl, Instant acceptedAt, Instant settledAt, Instant returnedAt) {
        static PaymentView of(SettlementRecord<PaymentInstruction> payment) {
            PaymentInstruction instruction = payment.request();
            return new PaymentView(payment.id(), payment.status().apiName(), payment.returnCode(), instruction.debtorName(),
                    instruction.debtorAccount(), instruction.creditorName(), instruction.creditorIban(),
                    instruction.creditorBic(), instruction.amount(), instruction.remittanceInformation(),
                    instruction.callbackUrl(), payment.acceptedAt(), payment.settledAt(), payment.returnedAt());
        }
    }

    @PostMapping
    @Operation(summary = "Send an international payment",
            description = "202: accepted, settles after quipu.sandbox.swift.settlement-delay. The same uetr with the same "
                    + "body: 200 with the stored payment; with another body: 409 uetr_reused. 422 rejected with reasonCode "
                    + "AC01 (IBAN fails the country length or mod-97 check, or its country is not served) or RC01 (BIC "
                    + "malformed). An IBAN ending in 999 settles, then is returned AC04.")
    public ResponseEntity<PaymentView> send(@RequestBody PaymentRequest request) {
        PaymentInstruction checked = new PaymentInstruction(request.uetr(), request.debtorName(), request.debtorAccount(),
                request.creditorName(), request.creditorIban(), request.creditorBic(), request.amount(),
                request.remittanceInformation(), request.callbackUrl());
        RequestChecks.throwIfAny(SwiftRules.check(checked));
        String uetr = SwiftRules.canonicalUetr(request.uetr());
        PaymentInstruction instruction = new PaymentInstruction(uetr, checked.debtorName(), checked.debtorAccount(),
                checked.creditorName(), checked.creditorIban(), checked.creditorBic(), checked.amount(),
                checked.remittanceInformation(), checked.callbackUrl());
        Submission<PaymentInstruction> submission = desk.submit(uetr, instruction, SwiftRules.rejectionOf(instruction),
                SwiftRules.planOf(instruction), now -> uetr);
        if (submission instanceof Submission.Accepted<PaymentInstruction> accepted) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/swift/v1/payments/" + uetr))
                    .body(PaymentView.of(accepted.record()));
        }
        if (submission instanceof Submission.Repeated<PaymentInstruction> repeated) {
            return ResponseEntity.ok(PaymentView.of(repeated.record()));
        }
        if (submission instanceof Submission.KeyReused<PaymentInstruction>) {
            throw ApiException.conflict("uetr_reused", "The uetr " + uetr + " was used for another payment.");
        }
        String reasonCode = ((Submission.Rejected<PaymentInstruction>) submission).reasonCode();
        throw new RejectedException(reasonCode, "The network rejected the payment: " + reasonCode + ".");
    }

    @GetMapping("/{uetr}")
    @Operation(summary = "A payment by its UETR (polling)")
    public PaymentView one(@PathVariable UUID uetr) {
        return desk.find(uetr.toString()).map(PaymentView::of)
                .orElseThrow(() -> ApiException.notFound("payment_not_found", "There is no payment " + uetr + "."));
    }
}

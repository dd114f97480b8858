package io.quipu.sandbox.api;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.sandbox.api.ClearingControlController.ReturnRequest;
import io.quipu.sandbox.api.SwiftController.PaymentView;
import io.quipu.sandbox.delivery.SettlementDesk;
import io.quipu.sandbox.domain.swift.PaymentInstruction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The sandbox's control panel of the SWIFT-like network: settle or return a payment now, see the latest ones. */
@RestController
@RequestMapping("/sandbox/swift/payments")
@Tag(name = "SWIFT-like network control", description = "Settle or return a payment of the simulated SWIFT-like network.")
public class SwiftControlController {

    private final SettlementDesk<PaymentInstruction> desk;

    public SwiftControlController(SettlementDesk<PaymentInstruction> swiftDesk) {
        this.desk = swiftDesk;
    }

    @GetMapping
    @Operation(summary = "The latest payments, newest first")
    public List<PaymentView> latest(@RequestParam(defaultValue = Limits.DEFAULT_LIST_SIZE) int limit) {
        return desk.latest(Limits.checkedLimit(limit)).stream().map(PaymentView::of).toList();
    }

    @PostMapping("/{uetr}/settle")
    @Operation(summary = "Settle an accepted payment now (409 invalid_status when it is not accepted)")
    public PaymentView settle(@PathVariable UUID uetr) {
        return PaymentView.of(Settlements.made(desk.settle(uetr.toString()), "payment_not_found", "payment " + uetr));
    }

    @PostMapping("/{uetr}/return")
    @Operation(summary = "Return an accepted or settled payment now with a reason code (409 invalid_status when already returned)")
    public PaymentView returnPayment(@PathVariable UUID uetr, @RequestBody ReturnRequest request) {
        String returnCode = Settlements.checkedReturnCode(request);
        return PaymentView.of(Settlements.made(desk.returnPayment(uetr.toString(), returnCode), "payment_not_found",
                "payment " + uetr));
    }
}

package io.quipu.sandbox.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.sandbox.api.ClearingController.TransferView;
import io.quipu.sandbox.delivery.SettlementDesk;
import io.quipu.sandbox.domain.clearing.TransferInstruction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The sandbox's control panel of the clearing house: settle or return a transfer now, see the latest ones. */
@RestController
@RequestMapping("/sandbox/clearing/transfers")
@Tag(name = "Clearing house control", description = "Settle or return a transfer of the simulated clearing house.")
public class ClearingControlController {

    private final SettlementDesk<TransferInstruction> desk;

    public ClearingControlController(SettlementDesk<TransferInstruction> clearingDesk) {
        this.desk = clearingDesk;
    }

    /** {@code returnCode}: an ISO 20022 reason code such as AC04 or MS03. */
    public record ReturnRequest(String returnCode) {
    }

    @GetMapping
    @Operation(summary = "The latest transfers, newest first")
    public List<TransferView> latest(@RequestParam(defaultValue = Limits.DEFAULT_LIST_SIZE) int limit) {
        return desk.latest(Limits.checkedLimit(limit)).stream().map(TransferView::of).toList();
    }

    @PostMapping("/{traceNumber}/settle")
    @Operation(summary = "Settle an accepted transfer now (409 invalid_status when it is not accepted)")
    public TransferView settle(@PathVariable String traceNumber) {
        return TransferView.of(Settlements.made(desk.settle(traceNumber), "transfer_not_found", "transfer " + traceNumber));
    }

    @PostMapping("/{traceNumber}/return")
    @Operation(summary = "Return an accepted or settled transfer now with a reason code (409 invalid_status when already returned)")
    public TransferView returnTransfer(@PathVariable String traceNumber, @RequestBody ReturnRequest request) {
        String returnCode = Settlements.checkedReturnCode(request);
        return TransferView.of(Settlements.made(desk.returnPayment(traceNumber, returnCode), "transfer_not_found",
                "transfer " + traceNumber));
    }
}

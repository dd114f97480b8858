package io.quipu.sandbox.api;

import java.net.URI;
import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.platform.money.Money;
import io.quipu.platform.web.ApiException;
import io.quipu.sandbox.delivery.SettlementDesk;
import io.quipu.sandbox.domain.clearing.ClearingRules;
import io.quipu.sandbox.domain.clearing.TraceNumbers;
import io.quipu.sandbox.domain.clearing.TransferInstruction;
import io.quipu.sandbox.domain.settlement.SettlementRecord;
import io.quipu.sandbox.domain.settlement.Submission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The simulated clearing house (CCE-like): interbank transfers in PEN and USD between CCIs, settled T+0. */
@RestController
@RequestMapping("/clearing/v1/transfers")
@Tag(name = "Clearing house", description = "A simulated interbank clearing house (Peru's CCE-like). Requires the X-Api-Key header.")
public class ClearingController {

    private final SettlementDesk<TransferInstruction> desk;
    private final TraceNumbers traceNumbers;

    public ClearingController(SettlementDesk<TransferInstruction> clearingDesk, TraceNumbers traceNumbers) {
        this.desk = clearingDesk;
        this.traceNumbers = traceNumbers;
    }

    /** {@code amount}: {"amount": "125.50", "currency": "PEN"}; {@code callbackUrl}: optional, status changes are POSTed there. */
    public record TransferRequest(String instructionId, String debtorName, String debtorCci, String creditorName,
            String creditorCci, Money amount, String reference, String callbackUrl) {
    }

    public record TransferView(String traceNumber, String instructionId, String status, String returnCode,
            String debtorName, String debtorCci, String creditorName, String creditorCci, Money amount, String reference,
            String callbackUrl, Instant acceptedAt, Instant settledAt, Instant returnedAt) {
        static TransferView of(SettlementRecord<TransferInstruction> transfer) {
            TransferInstruction instruction = transfer.request();
            return new TransferView(transfer.id(), instruction.instructionId(), transfer.status().apiName(),
                    transfer.returnCode(), instruction.debtorName(), instruction.debtorCci(), instruction.creditorName(),
                    instruction.creditorCci(), instruction.amount(), instruction.reference(), instruction.callbackUrl(),
                    transfer.acceptedAt(), transfer.settledAt(), transfer.returnedAt());
        }
    }

    @PostMapping
    @Operation(summary = "Send an interbank transfer",
            description = "202: accepted, settles after quipu.sandbox.clearing.settlement-delay. The same instructionId with "
                    + "the same body: 200 with the stored transfer; with another body: 409 instruction_id_reused. "
                    + "422 rejected with reasonCode AC01 (creditor CCI check digits, or account ending in 901), "
                    + "AC04 (account ending in 902), AG01 (bank code not a participant). Accounts ending in 903/904 are "
                    + "returned AC04/MS03 after settling; 905 never settles by itself.")
    public ResponseEntity<TransferView> send(@RequestBody TransferRequest request) {
        TransferInstruction instruction = new TransferInstruction(request.instructionId(), request.debtorName(),
                request.debtorCci(), request.creditorName(), request.creditorCci(), request.amount(), request.reference(),
                request.callbackUrl());
        RequestChecks.throwIfAny(ClearingRules.check(instruction));
        Submission<TransferInstruction> submission = desk.submit(instruction.instructionId(), instruction,
                ClearingRules.rejectionOf(instruction), ClearingRules.planOf(instruction), traceNumbers::next);
        if (submission instanceof Submission.Accepted<TransferInstruction> accepted) {
            return ResponseEntity.status(HttpStatus.ACCEPTED)
                    .location(URI.create("/clearing/v1/transfers/" + accepted.record().id()))
                    .body(TransferView.of(accepted.record()));
        }
        if (submission instanceof Submission.Repeated<TransferInstruction> repeated) {
            return ResponseEntity.ok(TransferView.of(repeated.record()));
        }
        if (submission instanceof Submission.KeyReused<TransferInstruction> reused) {
            throw ApiException.conflict("instruction_id_reused", "The instructionId " + instruction.instructionId()
                    + " was used for another transfer (trace number " + reused.existing().id() + ").");
        }
        String reasonCode = ((Submission.Rejected<TransferInstruction>) submission).reasonCode();
        throw new RejectedException(reasonCode, "The clearing house rejected the transfer: " + reasonCode + ".");
    }

    @GetMapping("/{traceNumber}")
    @Operation(summary = "A transfer by its trace number (polling)")
    public TransferView one(@PathVariable String traceNumber) {
        return desk.find(traceNumber).map(TransferView::of)
                .orElseThrow(() -> ApiException.notFound("transfer_not_found", "There is no transfer " + traceNumber + "."));
    }

    @GetMapping
    @Operation(summary = "A transfer by the client's instructionId (polling after a timeout)")
    public TransferView byInstructionId(@RequestParam(required = false) String instructionId) {
        if (instructionId == null || instructionId.isBlank()) {
            throw ApiException.invalidField("instructionId", "required", "is required");
        }
        return desk.findByIdempotencyKey(instructionId).map(TransferView::of).orElseThrow(() ->
                ApiException.notFound("transfer_not_found", "There is no transfer with instructionId " + instructionId + "."));
    }
}

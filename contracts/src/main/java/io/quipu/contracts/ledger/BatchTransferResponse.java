package io.quipu.contracts.ledger;

import java.util.List;

/** One result per transfer of the batch, in the batch's order. */
public record BatchTransferResponse(List<TransferResult> results) {
}

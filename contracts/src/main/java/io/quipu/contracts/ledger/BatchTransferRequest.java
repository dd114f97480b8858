package io.quipu.contracts.ledger;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Up to {@link LedgerContracts#MAX_BATCH_SIZE} transfers, applied in order; linked chains stay whole. */
public record BatchTransferRequest(
        @NotNull @Size(min = 1, max = LedgerContracts.MAX_BATCH_SIZE) List<@Valid @NotNull TransferRequest> transfers) {
}

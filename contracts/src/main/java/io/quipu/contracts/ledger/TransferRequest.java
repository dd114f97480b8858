package io.quipu.contracts.ledger;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import tools.jackson.databind.JsonNode;

/**
 * One transfer. {@code id} is chosen by the caller: repeating it returns {@code exists}. {@code amount} is a decimal
 * string in {@code currency} (both accounts must hold that currency); for {@code POST_PENDING} an absent amount posts the
 * whole pending amount. {@code code} is the reason (snake case, e.g. {@code internal_transfer}).
 */
public record TransferRequest(
        @NotNull UUID id,
        UUID debitAccountId,
        UUID creditAccountId,
        String amount,
        @NotNull String currency,
        @NotNull String code,
        Set<TransferFlag> flags,
        UUID pendingId,
        Long timeoutSeconds,
        JsonNode metadata) {
}

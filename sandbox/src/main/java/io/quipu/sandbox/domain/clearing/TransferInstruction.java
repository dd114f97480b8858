package io.quipu.sandbox.domain.clearing;

import io.quipu.platform.money.Money;

/** An interbank transfer as the clearing house received it; a repeat of the instruction id must be equal to it. */
public record TransferInstruction(String instructionId, String debtorName, String debtorCci, String creditorName,
        String creditorCci, Money amount, String reference, String callbackUrl) {
}

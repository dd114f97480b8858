package io.quipu.sandbox.domain.swift;

import io.quipu.platform.money.Money;

/** An international payment as the network received it; a repeat of the UETR must be equal to it. */
public record PaymentInstruction(String uetr, String debtorName, String debtorAccount, String creditorName,
        String creditorIban, String creditorBic, Money amount, String remittanceInformation, String callbackUrl) {
}

package io.quipu.sandbox.domain.swift;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.quipu.sandbox.domain.Violation;
import io.quipu.sandbox.domain.clearing.ClearingRules;
import io.quipu.sandbox.domain.settlement.SettlementPlan;
import io.quipu.sandbox.domain.webhooks.CallbackUrls;

/**
 * The SWIFT-like network's rules: what a payment must look like (400), what it rejects at once (422: AC01 for an
 * IBAN that fails its country length or mod-97 check, RC01 for a malformed BIC), and that a creditor IBAN ending in
 * {@code 999} settles and is then returned with AC04.
 */
public final class SwiftRules {

    public static final Set<String> CURRENCIES = Set.of("USD", "EUR");
    public static final int MAX_NAME_LENGTH = 140;
    public static final int MAX_ACCOUNT_LENGTH = 34;
    public static final int MAX_REMITTANCE_LENGTH = 140;
    public static final String INVALID_ACCOUNT = "AC01";
    public static final String INVALID_BIC = "RC01";
    public static final String CLOSED_ACCOUNT = "AC04";

    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private SwiftRules() {
    }

    public static List<Violation> check(PaymentInstruction payment) {
        List<Violation> violations = new ArrayList<>();
        if (payment.uetr() == null) {
            violations.add(new Violation("uetr", "required", "is required"));
        } else if (!UUID_SHAPE.matcher(payment.uetr()).matches()) {
            violations.add(new Violation("uetr", "invalid_uuid", "must be a UUID such as 8a562c67-ca16-48ba-b074-65581be6f011"));
        }
        text(violations, "debtorName", payment.debtorName(), MAX_NAME_LENGTH, true);
        text(violations, "debtorAccount", payment.debtorAccount(), MAX_ACCOUNT_LENGTH, true);
        text(violations, "creditorName", payment.creditorName(), MAX_NAME_LENGTH, true);
        text(violations, "creditorIban", payment.creditorIban(), MAX_ACCOUNT_LENGTH, true);
        text(violations, "creditorBic", payment.creditorBic(), 11, true);
        ClearingRules.checkAmount(violations, payment.amount(), CURRENCIES);
        text(violations, "remittanceInformation", payment.remittanceInformation(), MAX_REMITTANCE_LENGTH, false);
        CallbackUrls.check("callbackUrl", payment.callbackUrl()).ifPresent(violations::add);
        return violations;
    }

    /** The UETR in its canonical lower-case form, the payment's id. */
    public static String canonicalUetr(String uetr) {
        return UUID.fromString(uetr).toString();
    }

    public static Optional<String> rejectionOf(PaymentInstruction payment) {
        if (!Ibans.isValid(payment.creditorIban())) {
            return Optional.of(INVALID_ACCOUNT);
        }
        if (!Bics.isValid(payment.creditorBic())) {
            return Optional.of(INVALID_BIC);
        }
        return Optional.empty();
    }

    public static SettlementPlan planOf(PaymentInstruction payment) {
        return payment.creditorIban().endsWith("999") ? SettlementPlan.settlesThenReturned(CLOSED_ACCOUNT) : SettlementPlan.SETTLES;
    }

    private static void text(List<Violation> violations, String field, String value, int maxLength, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new Violation(field, "required", "is required"));
            }
        } else if (value.length() > maxLength) {
            violations.add(new Violation(field, "too_long", "must be at most " + maxLength + " characters"));
        }
    }
}

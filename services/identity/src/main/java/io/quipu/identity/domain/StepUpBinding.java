package io.quipu.identity.domain;

import java.util.Objects;
import java.util.UUID;

import io.quipu.platform.money.Money;

/**
 * What a step-up confirms (PSD2 dynamic linking): this payment, this amount, this payee. The authorization is valid only
 * for an identical binding, so changing any of the three after the user confirmed makes it worthless.
 */
public record StepUpBinding(UUID paymentId, Money amount, String payee) {

    public static final int MAX_PAYEE_LENGTH = 64;

    public StepUpBinding {
        Objects.requireNonNull(paymentId, "paymentId");
        Objects.requireNonNull(amount, "amount");
        if (!isAcceptablePayee(payee)) {
            throw new IllegalArgumentException("payee must be 1 to " + MAX_PAYEE_LENGTH + " printable characters");
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount must be positive");
        }
    }

    /**
     * 1–64 characters, none of them control characters: the payee is shown to the user in the SMS, and what the user
     * reads must be exactly what is compared at redemption (no trimming, no normalising).
     */
    public static boolean isAcceptablePayee(String payee) {
        return payee != null && !payee.isBlank() && payee.length() <= MAX_PAYEE_LENGTH
                && payee.codePoints().noneMatch(Character::isISOControl);
    }

    /** The text the user confirms: amount, currency and payee, then the code last (readers take the last six digits). */
    public String smsText(String code) {
        return "Quipu: para confirmar el pago de " + amount.currencyCode() + " " + amount.toDecimalString() + " a " + payee
                + " usa el codigo " + code + ". Vence en 5 minutos. No lo compartas con nadie.";
    }
}

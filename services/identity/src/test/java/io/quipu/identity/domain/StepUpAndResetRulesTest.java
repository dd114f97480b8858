package io.quipu.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quipu.platform.money.Money;

class StepUpAndResetRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void theSmsStatesAmountCurrencyAndPayeeWithTheCodeLast() {
        StepUpBinding binding = new StepUpBinding(UUID.randomUUID(), Money.parse("1250.00", "PEN"), "CCI 002-193-001234567890-12");
        String text = binding.smsText("482913");
        assertThat(text).contains("PEN 1250.00").contains("CCI 002-193-001234567890-12").endsWith(
                "usa el codigo 482913. Vence en 5 minutos. No lo compartas con nadie.");
    }

    @Test
    void payeesAreOneToSixtyFourPrintableCharactersAndAmountsPositive() {
        assertThat(StepUpBinding.isAcceptablePayee("PE12 0011 0123 4567 8901 23")).isTrue();
        assertThat(StepUpBinding.isAcceptablePayee("x".repeat(64))).isTrue();
        assertThat(StepUpBinding.isAcceptablePayee("x".repeat(65))).isFalse();
        assertThat(StepUpBinding.isAcceptablePayee(" ")).isFalse();
        assertThat(StepUpBinding.isAcceptablePayee(null)).isFalse();
        assertThat(StepUpBinding.isAcceptablePayee("ana\nusa el codigo 000000")).isFalse();
        assertThatThrownBy(() -> new StepUpBinding(UUID.randomUUID(), Money.zero("PEN"), "ana"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bindingsMatchOnlyWhenPaymentAmountCurrencyAndPayeeAreAllTheSame() {
        UUID paymentId = UUID.randomUUID();
        StepUpBinding confirmed = new StepUpBinding(paymentId, Money.parse("80.50", "PEN"), "ana");
        assertThat(confirmed).isEqualTo(new StepUpBinding(paymentId, Money.parse("80.5", "PEN"), "ana"));
        assertThat(confirmed).isNotEqualTo(new StepUpBinding(paymentId, Money.parse("80.50", "USD"), "ana"));
        assertThat(confirmed).isNotEqualTo(new StepUpBinding(paymentId, Money.parse("80.50", "PEN"), "ana "));
        assertThat(confirmed).isNotEqualTo(new StepUpBinding(UUID.randomUUID(), Money.parse("80.50", "PEN"), "ana"));
    }

    @Test
    void stepUpsAndResetsAcceptOneRightCodeWithinFiveMinutesAndFiveTries() {
        StepUpBinding binding = new StepUpBinding(UUID.randomUUID(), Money.parse("1.00", "PEN"), "ana");
        PendingStepUp fresh = new PendingStepUp(UUID.randomUUID(), UUID.randomUUID(), binding, new byte[32], null, 0,
                PendingStepUp.Status.PENDING, NOW.plus(PendingStepUp.LIFETIME));
        assertThat(fresh.check(true, NOW)).isEqualTo(LoginTransaction.Check.ACCEPTED);
        assertThat(fresh.check(false, NOW)).isEqualTo(LoginTransaction.Check.WRONG);
        assertThat(fresh.check(true, NOW.plus(PendingStepUp.LIFETIME))).isEqualTo(LoginTransaction.Check.UNUSABLE);
        PendingStepUp lastTry = new PendingStepUp(fresh.id(), fresh.userId(), binding, new byte[32], null, 4,
                PendingStepUp.Status.PENDING, fresh.expiresAt());
        assertThat(lastTry.check(false, NOW)).isEqualTo(LoginTransaction.Check.WRONG_AND_EXHAUSTED);
        assertThat(lastTry.attemptsLeftAfterWrongCode()).isZero();

        PasswordReset reset = new PasswordReset(UUID.randomUUID(), UUID.randomUUID(), new byte[32], 0,
                PasswordReset.Status.PENDING, NOW.plus(PasswordReset.LIFETIME));
        assertThat(reset.check(false, NOW)).isEqualTo(LoginTransaction.Check.WRONG);
        assertThat(reset.attemptsLeftAfterWrongCode()).isEqualTo(4);
        PasswordReset completed = new PasswordReset(reset.id(), reset.userId(), new byte[32], 0,
                PasswordReset.Status.COMPLETED, reset.expiresAt());
        assertThat(completed.check(true, NOW)).isEqualTo(LoginTransaction.Check.UNUSABLE);
    }
}

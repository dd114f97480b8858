package io.quipu.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quipu.notifications.domain.Recipient.Language;
import io.quipu.platform.money.Money;

/** The words customers read: both languages, amounts per locale, quiet data, SMS length. */
class TemplatesTest {

    static final NotificationFacts RECEIVED = new NotificationFacts(Money.ofMinor(125_000, "PEN"), "****4321", null,
            Money.ofMinor(1_000_050, "PEN"), null, null, UUID.randomUUID(), null);

    @Test
    void moneyReceivedInSpanishNamesAmountAccountAndBalance() {
        Message message = Templates.render(NotificationKind.MONEY_RECEIVED, RECEIVED, Language.ES, "Ana");
        assertThat(message.subject()).isEqualTo("Recibiste S/ 1,250.00");
        assertThat(message.body()).startsWith("Hola Ana:\n\n")
                .contains("Recibiste S/ 1,250.00 en tu cuenta ****4321.")
                .contains("Saldo disponible: S/ 10,000.50.")
                .contains("llámanos");
        assertThat(message.shortText()).isEqualTo("Quipu: recibiste S/ 1,250.00 en tu cuenta ****4321.");
    }

    @Test
    void moneyReceivedInEnglish() {
        Message message = Templates.render(NotificationKind.MONEY_RECEIVED, RECEIVED, Language.EN, "Ana");
        assertThat(message.subject()).isEqualTo("You received S/ 1,250.00");
        assertThat(message.body()).startsWith("Hello Ana,\n\n").contains("Available balance: S/ 10,000.50.");
    }

    @Test
    void aPaymentThatFailedSaysWhyAndThatTheMoneyStayed() {
        NotificationFacts facts = new NotificationFacts(Money.ofMinor(9_999, "USD"), null, "****7788", null,
                "beneficiary_account_closed", null, null, null);
        Message spanish = Templates.render(NotificationKind.PAYMENT_FAILED, facts, Language.ES, "");
        assertThat(spanish.body()).startsWith("Hola:\n\n")
                .contains("Tu pago de US$ 99.99 a ****7788 no se pudo completar (motivo: beneficiary_account_closed).");
        Message english = Templates.render(NotificationKind.PAYMENT_FAILED, facts, Language.EN, "");
        assertThat(english.body()).startsWith("Hello,\n\n").contains("The money did not leave your account.");
    }

    @Test
    void aLockShowsItsEndInLimaTime() {
        NotificationFacts facts = new NotificationFacts(null, null, null, null, null, Instant.parse("2026-03-01T15:30:00Z"), null, null);
        assertThat(Templates.render(NotificationKind.ACCOUNT_LOCKED, facts, Language.ES, "Luis").shortText())
                .contains("hasta el 01/03/2026 10:30 (hora de Lima)");
    }

    @ParameterizedTest
    @EnumSource(NotificationKind.class)
    void everyKindHasBothLanguagesAndAnSmsOfOneSegment(NotificationKind kind) {
        NotificationFacts facts = new NotificationFacts(Money.ofMinor(Long.MAX_VALUE, "PEN"), "****1234", "****5678",
                Money.ofMinor(Long.MAX_VALUE, "PEN"), "some_reason_code", Instant.now(), null, null);
        for (Language language : Language.values()) {
            Message message = Templates.render(kind, facts, language, "A".repeat(100));
            assertThat(message.subject()).isNotBlank();
            assertThat(message.body()).isNotBlank();
            assertThat(message.shortText()).isNotBlank().hasSizeLessThanOrEqualTo(Templates.MAX_SHORT_TEXT_CHARACTERS);
        }
    }

    @Test
    void factsRefuseWhatIsNotMaskedAndDropAReasonThatIsNotACode() {
        assertThatThrownBy(() -> new NotificationFacts(null, "19412345678901", null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NotificationFacts(null, null, "Juan Pérez 45678912", null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new NotificationFacts(null, null, null, null, "<script>", null, null, null).reason()).isNull();
    }

    @Test
    void aNameCannotForgeLines() {
        Message message = Templates.render(NotificationKind.ONBOARDING_COMPLETED, NotificationFacts.none(), Language.EN,
                new Recipient(UUID.randomUUID(), null, null, Language.EN, "Eve\r\nBcc: x@y.z").name());
        assertThat(message.body()).startsWith("Hello Eve Bcc: x@y.z,\n\n");
    }
}

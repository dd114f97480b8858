package io.quipu.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

import io.quipu.sandbox.domain.sms.OneTimePasswords;
import io.quipu.sandbox.domain.sms.SmsRules;
import io.quipu.sandbox.domain.sms.SmsViolation;

class SmsRulesTest {

    @Test
    void acceptsE164NumbersOnly() {
        assertThat(SmsRules.isPhoneNumber("+51987654321")).isTrue();
        assertThat(SmsRules.isPhoneNumber("+12345678")).isTrue();
        assertThat(SmsRules.isPhoneNumber("+123456789012345")).isTrue();
        assertThat(SmsRules.isPhoneNumber("+1234567")).as("7 digits").isFalse();
        assertThat(SmsRules.isPhoneNumber("+1234567890123456")).as("16 digits").isFalse();
        assertThat(SmsRules.isPhoneNumber("51987654321")).as("no +").isFalse();
        assertThat(SmsRules.isPhoneNumber("+0987654321")).as("country code 0").isFalse();
        assertThat(SmsRules.isPhoneNumber("+51 987 654 321")).isFalse();
        assertThat(SmsRules.isPhoneNumber(null)).isFalse();
    }

    @Test
    void reportsEveryInvalidField() {
        assertThat(SmsRules.check("+51987654321", "Your code is 123456", null)).isEmpty();
        assertThat(SmsRules.check("+51987654321", "hi", "QUIPU BANK")).isEmpty();
        assertThat(SmsRules.check("987", " ", "this sender is far too long"))
                .extracting(SmsViolation::field, SmsViolation::code)
                .containsExactly(
                        tuple("to", "invalid_phone_number"),
                        tuple("text", "required"),
                        tuple("sender", "invalid_sender"));
        assertThat(SmsRules.check(null, "a".repeat(919), null))
                .extracting(SmsViolation::field, SmsViolation::code)
                .containsExactly(
                        tuple("to", "required"),
                        tuple("text", "too_long"));
        assertThat(SmsRules.check("+51987654321", "a".repeat(918), null)).isEmpty();
    }

    @Test
    void countsSegmentsAsOperatorsBillThem() {
        assertThat(SmsRules.segments("a".repeat(160))).isEqualTo(1);
        assertThat(SmsRules.segments("a".repeat(161))).isEqualTo(2);
        assertThat(SmsRules.segments("a".repeat(918))).isEqualTo(6);
        assertThat(SmsRules.segments("€".repeat(80))).as("extension characters take two septets").isEqualTo(1);
        assertThat(SmsRules.segments("€".repeat(81))).isEqualTo(2);
        assertThat(SmsRules.segments("código " + "a".repeat(63))).as("ó is not GSM-7: UCS-2").isEqualTo(1);
        assertThat(SmsRules.segments("código " + "a".repeat(64))).isEqualTo(2);
    }

    @Test
    void findsTheLastSixDigitCode() {
        assertThat(OneTimePasswords.lastCodeIn("Quipu: tu codigo es 482913. No lo compartas.")).contains("482913");
        assertThat(OneTimePasswords.lastCodeIn("Transfer 1000000 to 123456; code 654321")).contains("654321");
        assertThat(OneTimePasswords.lastCodeIn("Call +51987654321 now")).isEmpty();
        assertThat(OneTimePasswords.lastCodeIn("no code here 12345")).isEmpty();
    }
}

package io.quipu.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quipu.platform.money.Money;
import io.quipu.sandbox.domain.settlement.SettlementPlan;
import io.quipu.sandbox.domain.swift.Bics;
import io.quipu.sandbox.domain.swift.Ibans;
import io.quipu.sandbox.domain.swift.PaymentInstruction;
import io.quipu.sandbox.domain.swift.SwiftRules;

class SwiftRulesTest {

    @Test
    void acceptsTheIbansOfTheServedCountries() {
        assertThat(Ibans.isValid("DE89370400440532013000")).isTrue();
        assertThat(Ibans.isValid("GB82WEST12345698765432")).isTrue();
        assertThat(Ibans.isValid("ES9121000418450200051332")).isTrue();
        assertThat(Ibans.isValid("FR1420041010050500013M02606")).isTrue();
        assertThat(Ibans.isValid("NL91ABNA0417164300")).isTrue();
        assertThat(Ibans.isValid("BE68539007547034")).isTrue();
        assertThat(Ibans.isValid("CH9300762011623852957")).isTrue();
        assertThat(Ibans.isValid("IT60X0542811101000000123456")).isTrue();
        assertThat(Ibans.isValid("AT611904300234573201")).isTrue();
        assertThat(Ibans.isValid("PT50000201231234567890154")).isTrue();
        assertThat(Ibans.isValid("IE29AIBK93115212345678")).isTrue();
    }

    @Test
    void refusesWrongCheckDigitsLengthsCountriesAndShapes() {
        assertThat(Ibans.isValid("DE89370400440532013001")).isFalse();
        assertThat(Ibans.isValid("DE8937040044053201300")).isFalse();
        assertThat(Ibans.isValid("PE12345678901234567890")).isFalse();
        assertThat(Ibans.isValid("de89370400440532013000")).isFalse();
        assertThat(Ibans.isValid("DE89 3704 0044 0532 0130 00")).isFalse();
        assertThat(Ibans.isValid(null)).isFalse();
    }

    @Test
    void computesCheckDigits() {
        assertThat(Ibans.of("DE", "370400440532013000")).isEqualTo("DE89370400440532013000");
        assertThat(Ibans.isValid(Ibans.of("ES", "21000418450200051999"))).isTrue();
    }

    @Test
    void checksBics() {
        assertThat(Bics.isValid("COBADEFF")).isTrue();
        assertThat(Bics.isValid("COBADEFFXXX")).isTrue();
        assertThat(Bics.isValid("NWBKGB2L")).isTrue();
        assertThat(Bics.isValid("COBADEF")).isFalse();
        assertThat(Bics.isValid("COBADEFFXX")).isFalse();
        assertThat(Bics.isValid("C0BADEFF")).isFalse();
        assertThat(Bics.isValid("cobadeff")).isFalse();
    }

    @Test
    void rejectsAndPlans() {
        PaymentInstruction good = payment("DE89370400440532013000", "COBADEFF");
        assertThat(SwiftRules.check(good)).isEmpty();
        assertThat(SwiftRules.rejectionOf(good)).isEmpty();
        assertThat(SwiftRules.planOf(good)).isEqualTo(SettlementPlan.SETTLES);
        assertThat(SwiftRules.rejectionOf(payment("DE89370400440532013001", "COBADEFF"))).contains("AC01");
        assertThat(SwiftRules.rejectionOf(payment("DE89370400440532013000", "COBADEF"))).contains("RC01");
        assertThat(SwiftRules.planOf(payment(Ibans.of("DE", "370400440532013999"), "COBADEFF"))).isEqualTo(new SettlementPlan(true, "AC04"));
        assertThat(SwiftRules.canonicalUetr("8A562C67-CA16-48BA-B074-65581BE6F011")).isEqualTo("8a562c67-ca16-48ba-b074-65581be6f011");
    }

    private static PaymentInstruction payment(String iban, String bic) {
        return new PaymentInstruction("8a562c67-ca16-48ba-b074-65581be6f011", "Ana", "0991", "Hans", iban, bic,
                Money.parse("1.00", "USD"), null, null);
    }
}

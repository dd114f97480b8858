package io.quipu.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quipu.platform.banking.AccountNumbers;
import io.quipu.platform.money.Money;
import io.quipu.sandbox.domain.clearing.ClearingRules;
import io.quipu.sandbox.domain.clearing.PeruvianBanks;
import io.quipu.sandbox.domain.clearing.TraceNumbers;
import io.quipu.sandbox.domain.clearing.TransferInstruction;
import io.quipu.sandbox.domain.settlement.SettlementPlan;

class ClearingRulesTest {

    private static final String DEBTOR = ClearingRules.cci("099", "191", "000012345671");

    private static TransferInstruction to(String creditorCci) {
        return new TransferInstruction("i-1", "Ana", DEBTOR, "Luis", creditorCci, Money.parse("10.00", "PEN"), null, null);
    }

    @Test
    void buildsCcisThePlatformAccepts() {
        assertThat(AccountNumbers.isValidCci(DEBTOR)).isTrue();
        assertThat(AccountNumbers.isValidCci(ClearingRules.cci("002", "193", "000456789903"))).isTrue();
        assertThat(ClearingRules.accountSuffix(ClearingRules.cci("002", "193", "000456789903"))).isEqualTo("903");
    }

    @Test
    void knowsTheParticipants() {
        assertThat(PeruvianBanks.nameOf("002")).contains("Banco de Crédito del Perú (BCP)");
        assertThat(PeruvianBanks.all()).containsKeys("002", "003", "009", "011", "018", "023", "035", "038", "043", "049", "053", "099");
        assertThat(PeruvianBanks.isParticipant("777")).isFalse();
    }

    @Test
    void rejectsWithTheReasonCodesOfTheSpecialNumbers() {
        String good = ClearingRules.cci("011", "100", "000000123000");
        String badCheckDigits = good.substring(0, 18) + (good.charAt(18) == '9' ? '0' : (char) (good.charAt(18) + 1)) + good.charAt(19);
        assertThat(ClearingRules.rejectionOf(to(good))).isEmpty();
        assertThat(ClearingRules.rejectionOf(to(badCheckDigits))).contains("AC01");
        assertThat(ClearingRules.rejectionOf(to(ClearingRules.cci("011", "100", "000000123901")))).contains("AC01");
        assertThat(ClearingRules.rejectionOf(to(ClearingRules.cci("011", "100", "000000123902")))).contains("AC04");
        assertThat(ClearingRules.rejectionOf(to(ClearingRules.cci("012", "100", "000000123000")))).contains("AG01");
    }

    @Test
    void plansSettlementReturnsAndHolds() {
        assertThat(ClearingRules.planOf(to(ClearingRules.cci("011", "100", "000000123000")))).isEqualTo(SettlementPlan.SETTLES);
        assertThat(ClearingRules.planOf(to(ClearingRules.cci("011", "100", "000000123903")))).isEqualTo(new SettlementPlan(true, "AC04"));
        assertThat(ClearingRules.planOf(to(ClearingRules.cci("011", "100", "000000123904")))).isEqualTo(new SettlementPlan(true, "MS03"));
        assertThat(ClearingRules.planOf(to(ClearingRules.cci("011", "100", "000000123905")))).isEqualTo(SettlementPlan.NEVER_SETTLES);
    }

    @Test
    void checksTheInstruction() {
        TransferInstruction bad = new TransferInstruction("x".repeat(65), " ", "123", null,
                ClearingRules.cci("011", "100", "000000123000"), Money.parse("-1.00", "EUR"), "r".repeat(141), "mailto:a@b.c");
        assertThat(ClearingRules.check(bad)).extracting(violation -> violation.field() + "/" + violation.code())
                .containsExactlyInAnyOrder("instructionId/invalid_format", "debtorName/required", "debtorCci/invalid_format",
                        "creditorName/required", "amount.amount/not_positive", "amount.currency/unsupported_currency",
                        "reference/too_long", "callbackUrl/invalid_url");
        assertThat(ClearingRules.check(to(ClearingRules.cci("011", "100", "000000123000")))).isEmpty();
    }

    @Test
    void traceNumbersHaveFifteenDigitsAndDoNotRepeat() {
        TraceNumbers traceNumbers = new TraceNumbers(999_999_998L);
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < 1_000; index++) {
            String number = traceNumbers.next(now);
            assertThat(number).matches("261125\\d{9}");
            assertThat(seen.add(number)).isTrue();
        }
    }
}

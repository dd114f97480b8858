package io.quipu.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quipu.platform.banking.AccountNumbers;
import io.quipu.platform.money.Money;

/** The NACHA writer, field by field, against values worked out by hand. */
class NachaFileTest {

    static final NachaFile.Parties PARTIES = new NachaFile.Parties("000000013", "CAMARA DE COMPENSACION", "009900017", "QUIPU",
            "QUIPU", "1009900017");
    static final LocalDateTime CREATED_AT = LocalDateTime.of(2026, 11, 24, 9, 5);
    static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    static final UUID FIRST_PAYMENT = UUID.fromString("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
    static final UUID SECOND_PAYMENT = UUID.fromString("0193a1b2-c3d4-7e5f-8a9b-ffffffffffff");

    @Test
    void abaCheckDigitsWeighThreeSevenOne() {
        // Real US routing numbers: 081000032 (3·0+7·8+1·1+3·0+7·0+1·0+3·0+7·3 = 78 → 2), 011000015 (15 → 5).
        assertThat(ClearingRoutingNumbers.abaCheckDigit("08100003")).isEqualTo(2);
        assertThat(ClearingRoutingNumbers.abaCheckDigit("01100001")).isEqualTo(5);
        assertThat(ClearingRoutingNumbers.isValidRoutingNumber("081000032")).isTrue();
        assertThat(ClearingRoutingNumbers.isValidRoutingNumber("081000033")).isFalse();
        // Ours: 0 + bank + branch + 1. The clearing house 000/000: 7·1 = 7 → 3. Quipu 099/000: 9+27+7 = 43 → 7.
        assertThat(ClearingRoutingNumbers.routingNumber("000", "000")).isEqualTo("000000013");
        assertThat(ClearingRoutingNumbers.routingNumber("099", "000")).isEqualTo("009900017");
        // 002/001 → 00020011: 3·2 + 3·1 + 7·1 = 16 → 4. 011/123 → 00111231: 1+3+7+2+9+7 = 29 → 1.
        assertThat(ClearingRoutingNumbers.routingNumber("002", "001")).isEqualTo("000200114");
        assertThat(ClearingRoutingNumbers.routingNumber("011", "123")).isEqualTo("001112311");
        assertThat(ClearingRoutingNumbers.identificationOfCci(cci("011", "123", "000045678901"))).isEqualTo("00111231");
        assertThatThrownBy(() -> ClearingRoutingNumbers.abaCheckDigit("1234567")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyFieldIsWhereNachaPutsIt() {
        NachaFile file = NachaFile.write(PARTIES, CREATED_AT, DAY, List.of(
                NachaFile.Credit.ofInterbankPayment(FIRST_PAYMENT, cci("002", "001", "000012345678"), "María Pérez",
                        Money.parse("200.00", "PEN")),
                NachaFile.Credit.ofInterbankPayment(SECOND_PAYMENT, cci("011", "123", "000045678901"),
                        "José Ñúñez de la Torre y Ocampo", Money.parse("0.01", "PEN"))));
        List<String> records = file.records();
        assertThat(records).hasSize(10).allSatisfy(record -> assertThat(record).hasSize(94));
        assertThat(file.text()).endsWith("\r\n").hasSize(10 * 96);

        String fileHeader = records.get(0);
        assertThat(field(fileHeader, 1, 1)).isEqualTo("1");
        assertThat(field(fileHeader, 2, 3)).isEqualTo("01");
        assertThat(field(fileHeader, 4, 13)).isEqualTo(" 000000013");
        assertThat(field(fileHeader, 14, 23)).isEqualTo(" 009900017");
        assertThat(field(fileHeader, 24, 29)).isEqualTo("261124");
        assertThat(field(fileHeader, 30, 33)).isEqualTo("0905");
        assertThat(field(fileHeader, 34, 34)).isEqualTo("A");
        assertThat(field(fileHeader, 35, 37)).isEqualTo("094");
        assertThat(field(fileHeader, 38, 39)).isEqualTo("10");
        assertThat(field(fileHeader, 40, 40)).isEqualTo("1");
        assertThat(field(fileHeader, 41, 63)).isEqualTo("CAMARA DE COMPENSACION ");
        assertThat(field(fileHeader, 64, 86)).isEqualTo("QUIPU" + " ".repeat(18));
        assertThat(field(fileHeader, 87, 94)).isEqualTo(" ".repeat(8));

        String batchHeader = records.get(1);
        assertThat(field(batchHeader, 1, 1)).isEqualTo("5");
        assertThat(field(batchHeader, 2, 4)).isEqualTo("220");
        assertThat(field(batchHeader, 5, 20)).isEqualTo("QUIPU" + " ".repeat(11));
        assertThat(field(batchHeader, 21, 40)).isEqualTo(" ".repeat(20));
        assertThat(field(batchHeader, 41, 50)).isEqualTo("1009900017");
        assertThat(field(batchHeader, 51, 53)).isEqualTo("PPD");
        assertThat(field(batchHeader, 54, 63)).isEqualTo("TRANSFER  ");
        assertThat(field(batchHeader, 64, 69)).isEqualTo("261124");
        assertThat(field(batchHeader, 70, 75)).isEqualTo("261124");
        assertThat(field(batchHeader, 76, 78)).isEqualTo("   ");
        assertThat(field(batchHeader, 79, 79)).isEqualTo("1");
        assertThat(field(batchHeader, 80, 87)).isEqualTo("00990001");
        assertThat(field(batchHeader, 88, 94)).isEqualTo("0000001");

        String firstEntry = records.get(2);
        assertThat(field(firstEntry, 1, 1)).isEqualTo("6");
        assertThat(field(firstEntry, 2, 3)).isEqualTo("22");
        assertThat(field(firstEntry, 4, 11)).isEqualTo("00020011");
        assertThat(field(firstEntry, 12, 12)).isEqualTo("4");
        assertThat(field(firstEntry, 13, 29)).isEqualTo("000012345678     ");
        assertThat(field(firstEntry, 30, 39)).isEqualTo("0000020000");
        assertThat(field(firstEntry, 40, 54)).isEqualTo("0193A1B2-C3D4-7");
        assertThat(field(firstEntry, 55, 76)).isEqualTo("MARIA PEREZ" + " ".repeat(11));
        assertThat(field(firstEntry, 77, 78)).isEqualTo("  ");
        assertThat(field(firstEntry, 79, 79)).isEqualTo("0");
        assertThat(field(firstEntry, 80, 94)).isEqualTo("009900010000001");

        String secondEntry = records.get(3);
        assertThat(field(secondEntry, 4, 12)).isEqualTo("001112311");
        assertThat(field(secondEntry, 13, 29)).isEqualTo("000045678901     ");
        assertThat(field(secondEntry, 30, 39)).isEqualTo("0000000001");
        assertThat(field(secondEntry, 55, 76)).isEqualTo("JOSE NUNEZ DE LA TORRE"); // cut at 22
        assertThat(field(secondEntry, 80, 94)).isEqualTo("009900010000002");

        // Entry hash: 00020011 + 00111231 = 131242. Total credit: 20000 + 1 = 20001 cents.
        String batchControl = records.get(4);
        assertThat(field(batchControl, 1, 1)).isEqualTo("8");
        assertThat(field(batchControl, 2, 4)).isEqualTo("220");
        assertThat(field(batchControl, 5, 10)).isEqualTo("000002");
        assertThat(field(batchControl, 11, 20)).isEqualTo("0000131242");
        assertThat(field(batchControl, 21, 32)).isEqualTo("000000000000");
        assertThat(field(batchControl, 33, 44)).isEqualTo("000000020001");
        assertThat(field(batchControl, 45, 54)).isEqualTo("1009900017");
        assertThat(field(batchControl, 55, 79)).isEqualTo(" ".repeat(25));
        assertThat(field(batchControl, 80, 87)).isEqualTo("00990001");
        assertThat(field(batchControl, 88, 94)).isEqualTo("0000001");

        // 6 records before the padding → 1 block.
        String fileControl = records.get(5);
        assertThat(field(fileControl, 1, 1)).isEqualTo("9");
        assertThat(field(fileControl, 2, 7)).isEqualTo("000001");
        assertThat(field(fileControl, 8, 13)).isEqualTo("000001");
        assertThat(field(fileControl, 14, 21)).isEqualTo("00000002");
        assertThat(field(fileControl, 22, 31)).isEqualTo("0000131242");
        assertThat(field(fileControl, 32, 43)).isEqualTo("000000000000");
        assertThat(field(fileControl, 44, 55)).isEqualTo("000000020001");
        assertThat(field(fileControl, 56, 94)).isEqualTo(" ".repeat(39));
        assertThat(records.subList(6, 10)).containsOnly("9".repeat(94));

        assertThat(file.entryCount()).isEqualTo(2);
        assertThat(file.entryHash()).isEqualTo(131_242L);
        assertThat(file.totalCreditCents()).isEqualTo(20_001L);
        assertThat(file.blockCount()).isEqualTo(1);
    }

    @Test
    void recordsArePaddedWithNinesToTheBlockingFactor() {
        // 4 control records + n entries: 1 entry → 5 (+5 fillers), 6 entries → 10 (none), 7 entries → 11 (+9, 2 blocks).
        assertThat(fileOf(1).records()).hasSize(10).filteredOn(record -> record.equals("9".repeat(94))).hasSize(5);
        assertThat(fileOf(6).records()).hasSize(10).noneMatch(record -> record.equals("9".repeat(94)));
        NachaFile seven = fileOf(7);
        assertThat(seven.records()).hasSize(20).filteredOn(record -> record.equals("9".repeat(94))).hasSize(9);
        assertThat(seven.blockCount()).isEqualTo(2);
        assertThat(field(seven.records().get(10), 8, 13)).isEqualTo("000002");
    }

    @Test
    void theEntryHashKeepsTheTenRightmostDigits() {
        // 200 × 99999999 = 19 999 999 800 → 9 999 999 800.
        List<NachaFile.Credit> credits = new ArrayList<>(Collections.nCopies(200,
                new NachaFile.Credit("99999999", "000012345678", 100, "ID", "NAME")));
        NachaFile file = NachaFile.write(PARTIES, CREATED_AT, DAY, credits);
        assertThat(file.entryHash()).isEqualTo(9_999_999_800L);
        String batchControl = file.records().get(202);
        assertThat(field(batchControl, 11, 20)).isEqualTo("9999999800");
        assertThat(field(file.records().get(203), 22, 31)).isEqualTo("9999999800");
        assertThat(field(batchControl, 33, 44)).isEqualTo("000000020000");
    }

    @Test
    void limitsAndCurrencyAreEnforced() {
        assertThatThrownBy(() -> NachaFile.write(PARTIES, CREATED_AT, DAY, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NachaFile.write(PARTIES, CREATED_AT, DAY, Collections.nCopies(NachaFile.MAX_ENTRIES + 1,
                new NachaFile.Credit("00020011", "1", 1, "ID", "NAME")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NachaFile.Credit.ofInterbankPayment(FIRST_PAYMENT, cci("002", "001", "000012345678"), "Ana",
                Money.parse("10.00", "USD"))).hasMessageContaining("PEN");
        assertThatThrownBy(() -> new NachaFile.Credit("00020011", "1", NachaFile.MAX_ENTRY_AMOUNT_CENTS + 1, "ID", "NAME"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NachaFile.Parties("000000012", "X", "009900017", "Q", "Q", "1009900017"))
                .hasMessageContaining("check digit");
        // The largest file: 10 000 entries of the largest amount still fit the 12-digit totals.
        NachaFile largest = NachaFile.write(PARTIES, CREATED_AT, DAY, Collections.nCopies(NachaFile.MAX_ENTRIES,
                new NachaFile.Credit("09999991", "1", 2_000_000, "ID", "NAME")));
        assertThat(largest.totalCreditCents()).isEqualTo(20_000_000_000L);
        assertThat(largest.records().size() % 10).isZero();
    }

    static NachaFile fileOf(int entries) {
        List<NachaFile.Credit> credits = new ArrayList<>();
        for (int index = 1; index <= entries; index++) {
            credits.add(new NachaFile.Credit("00020011", "00001234567" + index, index * 100L, "ID" + index, "NAME " + index));
        }
        return NachaFile.write(PARTIES, CREATED_AT, DAY, credits);
    }

    /** A valid CCI: bank + branch + 12-digit account + the two ASBANC check digits. */
    static String cci(String bank, String branch, String account) {
        return bank + branch + account + AccountNumbers.cciCheckDigit(bank + branch) + AccountNumbers.cciCheckDigit(account);
    }

    /** The characters at NACHA's 1-based positions {@code from} to {@code to}, both included. */
    static String field(String record, int from, int to) {
        return record.substring(from - 1, to);
    }
}

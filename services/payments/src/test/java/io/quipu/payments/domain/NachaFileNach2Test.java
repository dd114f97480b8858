package io.quipu.payments.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quipu.payments.Nach2Reader;
import io.quipu.platform.money.Money;
import tools.jackson.databind.JsonNode;

/** Our files as the outside library nach2 reads and rebuilds them: the same records, counts, hash and totals. */
class NachaFileNach2Test {

    @Test
    void nach2ReadsOurFileAndBuildsTheSameOne() {
        List<NachaFile.Credit> credits = new ArrayList<>();
        String[] banks = {"002", "003", "009", "011", "018", "023", "035", "038", "043", "049", "053"};
        long expectedCents = 0;
        long expectedHash = 0;
        for (int index = 0; index < 23; index++) {
            String bank = banks[index % banks.length];
            String branch = String.format("%03d", index * 37 % 1000);
            String cci = NachaFileTest.cci(bank, branch, String.format("%012d", 1_000_000L + index * 7919L));
            long cents = 1 + index * 123_457L;
            credits.add(NachaFile.Credit.ofInterbankPayment(UUID.randomUUID(), cci, "Beneficiaria Nº " + index + " Peña",
                    Money.ofMinor(cents, "PEN")));
            expectedCents += cents;
            expectedHash += Long.parseLong(ClearingRoutingNumbers.identification(bank, branch));
        }
        NachaFile file = NachaFile.write(NachaFileTest.PARTIES, NachaFileTest.CREATED_AT, NachaFileTest.DAY, credits);

        JsonNode parsed = Nach2Reader.read(file.text());

        assertThat(parsed.get("validationErrors").toString()).isEqualTo("[]");
        assertThat(parsed.get("identicalToNach2").asBoolean()).as(parsed.get("differences").toString()).isTrue();
        assertThat(parsed.get("recordCount").asInt()).isEqualTo(30);
        assertThat(parsed.get("batchCount").asInt()).isEqualTo(1);
        assertThat(parsed.get("entryCount").asInt()).isEqualTo(23);
        JsonNode nach2 = parsed.get("nach2");
        assertThat(nach2.get("batchCount").asInt()).isEqualTo(1);
        assertThat(nach2.get("blockCount").asInt()).isEqualTo(3);
        assertThat(nach2.get("entryCount").asInt()).isEqualTo(23);
        assertThat(nach2.get("entryHash").asString()).isEqualTo(String.format("%010d", expectedHash % 10_000_000_000L))
                .isEqualTo(String.format("%010d", file.entryHash()));
        assertThat(nach2.get("totalCreditCents").asString()).isEqualTo(Long.toString(expectedCents))
                .isEqualTo(Long.toString(file.totalCreditCents()));
        assertThat(parsed.get("fileControl").get("entryHash").asString()).isEqualTo(nach2.get("entryHash").asString());
        assertThat(parsed.get("fileControl").get("totalCreditCents").asString()).isEqualTo(Long.toString(expectedCents));
        JsonNode batch = parsed.get("batches").get(0);
        assertThat(batch.get("serviceClassCode").asString()).isEqualTo("220");
        assertThat(batch.get("standardEntryClassCode").asString()).isEqualTo("PPD");
        assertThat(batch.get("companyName").asString()).isEqualTo("QUIPU");
        assertThat(batch.get("companyEntryDescription").asString()).isEqualTo("TRANSFER");
        for (int index = 0; index < credits.size(); index++) {
            NachaFile.Credit credit = credits.get(index);
            JsonNode entry = parsed.get("entries").get(index);
            assertThat(entry.get("transactionCode").asString()).isEqualTo("22");
            assertThat(entry.get("routing").asString()).isEqualTo(credit.routingNumber());
            assertThat(entry.get("account").asString()).isEqualTo(credit.accountNumber());
            assertThat(entry.get("amountCents").asString()).isEqualTo(Long.toString(credit.amountCents()));
            assertThat(entry.get("individualId").asString()).isEqualTo(credit.individualIdentification());
        }
    }

    /** The check has teeth: a wrong entry hash, a wrong check digit or a record cut short are all noticed. */
    @Test
    void nach2NoticesAWrongHashAWrongCheckDigitAndAShortRecord() {
        NachaFile file = NachaFileTest.fileOf(3);
        List<String> records = new ArrayList<>(file.records());

        List<String> wrongHash = new ArrayList<>(records);
        String batchControl = wrongHash.get(5);
        wrongHash.set(5, batchControl.substring(0, 10) + "0000000001" + batchControl.substring(20));
        JsonNode hashRead = Nach2Reader.read(String.join("\r\n", wrongHash) + "\r\n");
        assertThat(hashRead.get("identicalToNach2").asBoolean()).isFalse();
        assertThat(hashRead.get("differences").get(0).get("record").asInt()).isEqualTo(6);

        List<String> wrongCheckDigit = new ArrayList<>(records);
        String entry = wrongCheckDigit.get(2);
        wrongCheckDigit.set(2, entry.substring(0, 11) + (char) ('0' + (entry.charAt(11) - '0' + 1) % 10) + entry.substring(12));
        JsonNode checkDigitRead = Nach2Reader.read(String.join("\r\n", wrongCheckDigit) + "\r\n");
        assertThat(checkDigitRead.get("validationErrors").toString()).contains("ABA routing number", "is invalid");
        assertThat(checkDigitRead.get("identicalToNach2").asBoolean()).isFalse();

        List<String> shortRecord = new ArrayList<>(records);
        shortRecord.set(3, shortRecord.get(3).substring(0, 93));
        assertThat(Nach2Reader.read(String.join("\r\n", shortRecord) + "\r\n").get("validationErrors").toString())
                .contains("record 4 is 93 characters");
    }
}

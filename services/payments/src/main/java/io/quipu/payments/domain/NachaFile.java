package io.quipu.payments.domain;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import io.quipu.platform.money.Money;

/**
 * The day's outgoing interbank credits as a NACHA-format file, for clearing houses that take files: a File Header (1),
 * one PPD Batch Header (5) with service class 220 (credits only), one Entry Detail (6) per payment with transaction code
 * 22 (checking credit), a Batch Control (8), a File Control (9), and records of 9s up to a multiple of 10 (the
 * blocking factor). Every record is 94 characters, each followed by CRLF (what the nach2 reference library writes).
 * Numbers are right-justified and zero-filled, text left-justified and space-filled, as the NACHA rules define.
 *
 * <p>Amounts are integer cents (minor units): a file holds one currency, PEN, and never floating point.
 */
public final class NachaFile {

    public static final int RECORD_LENGTH_CHARACTERS = 94;
    public static final int BLOCKING_FACTOR_RECORDS = 10;
    public static final String LINE_END = "\r\n";
    /** One file, one batch: beyond this the day is split by hand (and the API answers 422). */
    public static final int MAX_ENTRIES = 10_000;
    /** The Entry Detail's amount field has 10 digits. */
    public static final long MAX_ENTRY_AMOUNT_CENTS = 9_999_999_999L;
    /** The entry hash keeps the 10 rightmost digits of the sum of the receiving DFI identifications. */
    public static final long ENTRY_HASH_MODULUS = 10_000_000_000L;
    public static final String CURRENCY = "PEN";

    static final String SERVICE_CLASS_CREDITS_ONLY = "220";
    static final String STANDARD_ENTRY_CLASS = "PPD";
    static final String TRANSACTION_CODE_CHECKING_CREDIT = "22";
    static final String COMPANY_ENTRY_DESCRIPTION = "TRANSFER";
    static final int BATCH_NUMBER = 1;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmm");

    /**
     * Who sends the file to whom.
     *
     * @param destinationRoutingNumber 9 digits: the clearing house (immediate destination)
     * @param originRoutingNumber      9 digits: this bank (immediate origin; its first 8 are the ODFI identification)
     * @param companyIdentification    10 digits in the batch: the originator
     */
    public record Parties(String destinationRoutingNumber, String destinationName, String originRoutingNumber, String originName,
                          String companyName, String companyIdentification) {
        public Parties {
            requireRoutingNumber(destinationRoutingNumber, "destination");
            requireRoutingNumber(originRoutingNumber, "origin");
            Objects.requireNonNull(destinationName, "destinationName");
            Objects.requireNonNull(originName, "originName");
            Objects.requireNonNull(companyName, "companyName");
            if (companyIdentification == null || !companyIdentification.matches("\\d{10}")) {
                throw new IllegalArgumentException("company identification must be 10 digits");
            }
        }

        String originatingDfiIdentification() {
            return originRoutingNumber.substring(0, 8);
        }
    }

    /**
     * One credit to another bank's account.
     *
     * @param receivingDfiIdentification 8 digits ({@link ClearingRoutingNumbers})
     * @param accountNumber              up to 17 characters: the CCI's 12-digit account part
     * @param individualIdentification   up to 15 characters: how the receiver's bank refers back to the payment
     */
    public record Credit(String receivingDfiIdentification, String accountNumber, long amountCents, String individualIdentification,
                         String individualName) {
        public Credit {
            if (receivingDfiIdentification == null || !receivingDfiIdentification.matches("\\d{8}")) {
                throw new IllegalArgumentException("receiving DFI identification must be 8 digits");
            }
            if (accountNumber == null || !accountNumber.matches("[0-9A-Za-z]{1,17}")) {
                throw new IllegalArgumentException("account number must be 1 to 17 letters or digits");
            }
            if (amountCents < 1 || amountCents > MAX_ENTRY_AMOUNT_CENTS) {
                throw new IllegalArgumentException("amount must be 1 to " + MAX_ENTRY_AMOUNT_CENTS + " cents");
            }
            Objects.requireNonNull(individualIdentification, "individualIdentification");
            Objects.requireNonNull(individualName, "individualName");
        }

        /** An interbank payment to a CCI: routing from the CCI's bank and branch, its 12-digit account, amount in céntimos. */
        public static Credit ofInterbankPayment(UUID paymentId, String cci, String beneficiaryName, Money amount) {
            if (!CURRENCY.equals(amount.currencyCode())) {
                throw new IllegalArgumentException("a NACHA file holds " + CURRENCY + " payments only, not " + amount.currencyCode());
            }
            String receiving = ClearingRoutingNumbers.identificationOfCci(cci);
            return new Credit(receiving, cci.substring(6, 18), amount.amountMinor(),
                    paymentId.toString().substring(0, 15).toUpperCase(Locale.ROOT), beneficiaryName == null ? "" : beneficiaryName);
        }

        String routingNumber() {
            return receivingDfiIdentification + ClearingRoutingNumbers.abaCheckDigit(receivingDfiIdentification);
        }
    }

    private final List<String> records;
    private final int entryCount;
    private final long entryHash;
    private final long totalCreditCents;
    private final int blockCount;

    private NachaFile(List<String> records, int entryCount, long entryHash, long totalCreditCents, int blockCount) {
        this.records = List.copyOf(records);
        this.entryCount = entryCount;
        this.entryHash = entryHash;
        this.totalCreditCents = totalCreditCents;
        this.blockCount = blockCount;
    }

    /**
     * The file of these credits, in this order (trace numbers = ODFI identification + 1, 2, 3, ...).
     *
     * @param createdAt          file creation date and time (the bank's local time, Lima)
     * @param effectiveEntryDate the day the credits are for
     */
    public static NachaFile write(Parties parties, LocalDateTime createdAt, LocalDate effectiveEntryDate, List<Credit> credits) {
        Objects.requireNonNull(parties, "parties");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(effectiveEntryDate, "effectiveEntryDate");
        if (credits.isEmpty() || credits.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException("a file has 1 to " + MAX_ENTRIES + " entries, not " + credits.size());
        }
        List<String> records = new ArrayList<>();
        records.add(fileHeader(parties, createdAt));
        records.add(batchHeader(parties, effectiveEntryDate));
        long hashSum = 0;
        long totalCreditCents = 0;
        int sequence = 0;
        for (Credit credit : credits) {
            sequence++;
            records.add(entryDetail(credit, parties.originatingDfiIdentification() + numeric(sequence, 7)));
            hashSum += Long.parseLong(credit.receivingDfiIdentification());
            totalCreditCents = Math.addExact(totalCreditCents, credit.amountCents());
        }
        long entryHash = hashSum % ENTRY_HASH_MODULUS;
        int entryCount = credits.size();
        records.add(batchControl(parties, entryCount, entryHash, totalCreditCents));
        int recordsWithFileControl = records.size() + 1;
        int blockCount = (recordsWithFileControl + BLOCKING_FACTOR_RECORDS - 1) / BLOCKING_FACTOR_RECORDS;
        records.add(fileControl(blockCount, entryCount, entryHash, totalCreditCents));
        String filler = "9".repeat(RECORD_LENGTH_CHARACTERS);
        while (records.size() % BLOCKING_FACTOR_RECORDS != 0) {
            records.add(filler);
        }
        NachaFile file = new NachaFile(records, entryCount, entryHash, totalCreditCents, blockCount);
        file.checkInvariants();
        return file;
    }

    public List<String> records() {
        return records;
    }

    /** Every record followed by CRLF. */
    public String text() {
        StringBuilder text = new StringBuilder(records.size() * (RECORD_LENGTH_CHARACTERS + LINE_END.length()));
        records.forEach(record -> text.append(record).append(LINE_END));
        return text.toString();
    }

    public int entryCount() {
        return entryCount;
    }

    public long entryHash() {
        return entryHash;
    }

    public long totalCreditCents() {
        return totalCreditCents;
    }

    public int blockCount() {
        return blockCount;
    }

    // --- records ---------------------------------------------------------------------------------------------------------------

    private static String fileHeader(Parties parties, LocalDateTime createdAt) {
        return record("1",
                "01",                                          // priority code
                " " + parties.destinationRoutingNumber(),     // immediate destination: blank + 9 digits
                " " + parties.originRoutingNumber(),          // immediate origin: blank + 9 digits
                DATE.format(createdAt),
                TIME.format(createdAt),
                "A",                                           // file id modifier: the day's first file
                "094",                                         // record size
                numeric(BLOCKING_FACTOR_RECORDS, 2),
                "1",                                           // format code
                alphanumeric(parties.destinationName(), 23),
                alphanumeric(parties.originName(), 23),
                alphanumeric("", 8));                          // reference code
    }

    private static String batchHeader(Parties parties, LocalDate effectiveEntryDate) {
        return record("5",
                SERVICE_CLASS_CREDITS_ONLY,
                alphanumeric(parties.companyName(), 16),
                alphanumeric("", 20),                          // company discretionary data
                parties.companyIdentification(),
                STANDARD_ENTRY_CLASS,
                alphanumeric(COMPANY_ENTRY_DESCRIPTION, 10),
                alphanumeric(DATE.format(effectiveEntryDate), 6), // company descriptive date
                DATE.format(effectiveEntryDate),               // effective entry date
                "   ",                                         // settlement date: the ACH operator fills it in
                "1",                                           // originator status code: a depository institution
                parties.originatingDfiIdentification(),
                numeric(BATCH_NUMBER, 7));
    }

    private static String entryDetail(Credit credit, String traceNumber) {
        return record("6",
                TRANSACTION_CODE_CHECKING_CREDIT,
                credit.receivingDfiIdentification(),
                String.valueOf(ClearingRoutingNumbers.abaCheckDigit(credit.receivingDfiIdentification())),
                alphanumeric(credit.accountNumber(), 17),
                numeric(credit.amountCents(), 10),
                alphanumeric(credit.individualIdentification(), 15),
                alphanumeric(credit.individualName(), 22),
                alphanumeric("", 2),                           // discretionary data
                "0",                                           // no addenda record
                traceNumber);
    }

    private static String batchControl(Parties parties, int entryCount, long entryHash, long totalCreditCents) {
        return record("8",
                SERVICE_CLASS_CREDITS_ONLY,
                numeric(entryCount, 6),                        // entries + addenda (no addenda here)
                numeric(entryHash, 10),
                numeric(0, 12),                                // total debit
                numeric(totalCreditCents, 12),
                parties.companyIdentification(),
                alphanumeric("", 19),                          // message authentication code
                alphanumeric("", 6),                           // reserved
                parties.originatingDfiIdentification(),
                numeric(BATCH_NUMBER, 7));
    }

    private static String fileControl(int blockCount, int entryCount, long entryHash, long totalCreditCents) {
        return record("9",
                numeric(1, 6),                                 // batch count
                numeric(blockCount, 6),
                numeric(entryCount, 8),                        // entries + addenda
                numeric(entryHash, 10),
                numeric(0, 12),                                // total debit
                numeric(totalCreditCents, 12),
                alphanumeric("", 39));                         // reserved
    }

    private static String record(String... fields) {
        String record = String.join("", fields);
        if (record.length() != RECORD_LENGTH_CHARACTERS) {
            throw new IllegalStateException("record " + fields[0] + " is " + record.length() + " characters, not 94");
        }
        return record;
    }

    // --- fields ----------------------------------------------------------------------------------------------------------------

    /** Right-justified, zero-filled; a value that does not fit is an error, never cut. */
    static String numeric(long value, int width) {
        if (value < 0) {
            throw new IllegalArgumentException("NACHA numbers are not negative: " + value);
        }
        String digits = Long.toString(value);
        if (digits.length() > width) {
            throw new IllegalArgumentException(value + " does not fit in " + width + " digits");
        }
        return "0".repeat(width - digits.length()) + digits;
    }

    /**
     * Left-justified, space-filled, cut to the width: upper-case ASCII with accents removed ("María Pérez" → "MARIA
     * PEREZ"), since receiving banks' systems read only that; other characters become spaces.
     */
    static String alphanumeric(String text, int width) {
        String withoutAccents = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String upper = withoutAccents.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9 .,&/'()-]", " ").strip();
        String cut = upper.length() > width ? upper.substring(0, width) : upper;
        return cut + " ".repeat(width - cut.length());
    }

    private static void requireRoutingNumber(String routingNumber, String what) {
        if (!ClearingRoutingNumbers.isValidRoutingNumber(routingNumber)) {
            throw new IllegalArgumentException(what + " routing number must be 9 digits with a right ABA check digit");
        }
    }

    /** What every file must satisfy whatever the input: lengths, blocking, and controls that add up from the entries. */
    private void checkInvariants() {
        check(records.size() % BLOCKING_FACTOR_RECORDS == 0, "records are a multiple of the blocking factor");
        check(records.size() / BLOCKING_FACTOR_RECORDS == blockCount, "block count matches the records");
        long entries = 0;
        long hashSum = 0;
        long credits = 0;
        for (String record : records) {
            check(record.length() == RECORD_LENGTH_CHARACTERS, "every record is 94 characters");
            check(record.chars().allMatch(character -> character >= 0x20 && character < 0x7f), "records are printable ASCII");
            if (record.charAt(0) == '6') {
                entries++;
                hashSum += Long.parseLong(record.substring(3, 11));
                credits += Long.parseLong(record.substring(29, 39));
            }
        }
        check(entries == entryCount, "entry count");
        check(hashSum % ENTRY_HASH_MODULUS == entryHash, "entry hash");
        check(credits == totalCreditCents, "total credit");
        String batchControl = records.get(entryCount + 2);
        String fileControl = records.get(entryCount + 3);
        check(batchControl.startsWith("8") && Long.parseLong(batchControl.substring(4, 10)) == entryCount, "batch control entry count");
        check(Long.parseLong(batchControl.substring(10, 20)) == entryHash, "batch control entry hash");
        check(Long.parseLong(batchControl.substring(32, 44)) == totalCreditCents, "batch control total credit");
        check(fileControl.startsWith("9") && Long.parseLong(fileControl.substring(13, 21)) == entryCount, "file control entry count");
        check(fileControl.substring(21, 55).equals(batchControl.substring(10, 44)), "file control hash and totals equal the batch's");
    }

    private static void check(boolean condition, String invariant) {
        if (!condition) {
            throw new IllegalStateException("NACHA invariant broken: " + invariant);
        }
    }
}

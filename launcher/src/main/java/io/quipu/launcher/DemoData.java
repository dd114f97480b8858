package io.quipu.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The demo data of the local run, derived from a fixed seed and each item's index alone: the same index gives the same
 * person, account and transfers on every machine and every run, whatever the number asked for, so seeding twice (or
 * seeding more later) creates nothing twice. Plain Java, no I/O except the bundled name lists.
 *
 * <p>Customer {@code i} is an adult with a Peruvian name, a unique DNI in {@value #FIRST_DNI}–{@value #LAST_DNI}, the
 * e-mail {@code nombre.apellido.i@example.pe} and a mobile phone {@code +519xxxxxxxx}; they have one PEN savings account,
 * which receives one cash deposit from the demo cash account, and (customer 0 aside, who pays customer 1) pays one
 * earlier customer. A payment is at most half of the smallest deposit, and every account pays once, so no account is
 * ever overdrawn, in whatever order the ledger applies the payments.
 */
final class DemoData {

    /** Most customers one seeding makes: the DNI range holds ten million, the bound keeps a typo from running for hours. */
    static final int MAX_CUSTOMERS = 1_000_000;
    static final int FIRST_DNI = 60_000_000;
    static final int LAST_DNI = 69_999_999;
    static final String CURRENCY = "PEN";
    /** The bank's demo cash account, the same one the customers service funds the demo logins from (DemoCustomers). */
    static final UUID CASH_ACCOUNT_ID = nameId("demo-cash-PEN");
    /** Deposits of S/ 500.00 to S/ 5,000.00; payments of S/ 5.00 to S/ 250.00 (half the smallest deposit). */
    static final long MIN_DEPOSIT_MINOR = 50_000;
    static final long MAX_DEPOSIT_MINOR = 500_000;
    static final long MIN_PAYMENT_MINOR = 500;
    static final long MAX_PAYMENT_MINOR = MIN_DEPOSIT_MINOR / 2;
    /** Adults for good: born 1946 to 2005 (18 on 1 January 2024 at the latest). */
    static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1946, 1, 1);
    static final LocalDate LATEST_BIRTH_DATE = LocalDate.of(2005, 12, 31);
    /** Deposits fall in the first month of the twelve that end on the anchor date; payments in the eleven after. */
    static final int DEPOSIT_WINDOW_DAYS = 30;

    private static final long SEED = 0x5155_4950_5532_3032L;
    /** Coprime to 10,000,000, so index → DNI is a bijection over the whole range: no two customers share a DNI. */
    private static final long DNI_MULTIPLIER = 7_368_787L;
    private static final long DNI_OFFSET = 2_718_281L;
    private static final long DNI_RANGE = LAST_DNI - FIRST_DNI + 1L;

    private static final List<String> FEMALE_GIVEN_NAMES = names("female-given-names.txt");
    private static final List<String> MALE_GIVEN_NAMES = names("male-given-names.txt");
    private static final List<String> SURNAMES = names("surnames.txt");
    private static final List<String> STREETS = List.of("Av. Arequipa", "Av. Brasil", "Jr. de la Unión", "Av. La Marina",
            "Jr. Junín", "Av. Grau", "Calle Los Olivos", "Av. Javier Prado", "Jr. Puno", "Av. Ejército", "Calle Mercaderes",
            "Av. El Sol");
    private static final List<String> CITIES = List.of("Lima", "Arequipa", "Cusco", "Trujillo", "Chiclayo", "Piura", "Huancayo",
            "Puno", "Iquitos", "Tacna", "Ayacucho", "Cajamarca");
    private static final List<String> OCCUPATIONS = List.of("comerciante", "docente", "contador", "enfermería", "ingeniería",
            "agricultor", "administración", "estudiante", "conductor", "cocinero", "abogado", "técnico");

    private DemoData() {
    }

    /** A demo customer as {@code POST /customers/batch} takes them. */
    record Person(int index, UUID id, String givenNames, String paternalSurname, String maternalSurname, String email,
                  String phone, String dni, LocalDate birthDate, String address, String occupation) {
    }

    /** A transfer of the demo history: {@code valueDate} is the business date the ledger's own timestamp cannot carry. */
    record Transfer(UUID id, UUID debitAccountId, UUID creditAccountId, long amountMinor, String code, LocalDate valueDate) {

        String amount() {
            return BigDecimal.valueOf(amountMinor, 2).toPlainString();
        }
    }

    static Person person(int index) {
        requireIndex(index);
        SplittableRandom random = random("person", index);
        boolean woman = random.nextBoolean();
        List<String> given = woman ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES;
        String firstName = pick(given, random);
        // About one in three Peruvians goes by two given names (María Elena, José Luis).
        String givenNames = random.nextInt(3) == 0 ? firstName + " " + pickOther(given, firstName, random) : firstName;
        String paternal = pick(SURNAMES, random);
        String maternal = pick(SURNAMES, random);
        String email = ascii(firstName) + "." + ascii(paternal) + "." + index + "@example.pe";
        String phone = "+519" + String.format(Locale.ROOT, "%08d", random.nextInt(100_000_000));
        long days = LATEST_BIRTH_DATE.toEpochDay() - EARLIEST_BIRTH_DATE.toEpochDay();
        LocalDate birthDate = LocalDate.ofEpochDay(EARLIEST_BIRTH_DATE.toEpochDay() + random.nextLong(days + 1));
        String address = pick(STREETS, random) + " " + (100 + random.nextInt(3_900)) + ", " + pick(CITIES, random);
        return new Person(index, customerId(index), givenNames, paternal, maternal, email, phone, dni(index), birthDate, address,
                pick(OCCUPATIONS, random));
    }

    /** 8 digits, unique per index. */
    static String dni(int index) {
        requireIndex(index);
        return Long.toString(FIRST_DNI + Math.floorMod(index * DNI_MULTIPLIER + DNI_OFFSET, DNI_RANGE));
    }

    static UUID customerId(int index) {
        return nameId("seed-customer-" + index);
    }

    static UUID accountId(int index) {
        return nameId("seed-savings-" + index);
    }

    /** Customer {@code index}'s opening cash deposit, in the first month of the twelve that end on {@code anchor}. */
    static Transfer deposit(int index, LocalDate anchor) {
        requireIndex(index);
        SplittableRandom random = random("deposit", index);
        long amount = MIN_DEPOSIT_MINOR + random.nextLong(MAX_DEPOSIT_MINOR - MIN_DEPOSIT_MINOR + 1) / 100 * 100;
        LocalDate date = firstDay(anchor).plusDays(random.nextInt(DEPOSIT_WINDOW_DAYS));
        return new Transfer(nameId("seed-deposit-" + index), CASH_ACCOUNT_ID, accountId(index), amount, "historical_cash_deposit", date);
    }

    /**
     * Customer {@code index}'s payment to an earlier customer (customer 0 pays customer 1), in the eleven months after the
     * deposits; none when there is nobody to pay ({@code customers} is 1).
     */
    static Optional<Transfer> payment(int index, int customers, LocalDate anchor) {
        requireIndex(index);
        if (customers < 2) {
            return Optional.empty();
        }
        SplittableRandom random = random("payment", index);
        int payee = index == 0 ? 1 : random.nextInt(index);
        long amount = MIN_PAYMENT_MINOR + random.nextLong(MAX_PAYMENT_MINOR - MIN_PAYMENT_MINOR + 1);
        LocalDate first = firstDay(anchor).plusDays(DEPOSIT_WINDOW_DAYS);
        LocalDate date = first.plusDays(random.nextLong(anchor.toEpochDay() - first.toEpochDay() + 1));
        return Optional.of(new Transfer(nameId("seed-payment-" + index), accountId(index), accountId(payee), amount,
                "historical_internal_transfer", date));
    }

    /** The first day of the twelve months that end on {@code anchor}. */
    static LocalDate firstDay(LocalDate anchor) {
        return anchor.minusYears(1).plusDays(1);
    }

    /** Without accents and in lower case, for e-mail addresses: "Huamán" → "huaman", "Ñahui" → "nahui". */
    static String ascii(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z]", "");
    }

    static UUID nameId(String name) {
        return UUID.nameUUIDFromBytes(("quipu:" + name).getBytes(StandardCharsets.UTF_8));
    }

    private static void requireIndex(int index) {
        if (index < 0 || index >= MAX_CUSTOMERS) {
            throw new IllegalArgumentException("index must be 0 to " + (MAX_CUSTOMERS - 1) + ": " + index);
        }
    }

    /** One generator per item and purpose, so any item can be made alone, in any order, on any thread. */
    private static SplittableRandom random(String purpose, int index) {
        return new SplittableRandom(SEED ^ (purpose.hashCode() * 0x9E37_79B9_7F4A_7C15L) ^ (index * 0xC2B2_AE3D_27D4_EB4FL));
    }

    private static String pick(List<String> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }

    private static String pickOther(List<String> values, String not, SplittableRandom random) {
        String value = pick(values, random);
        return value.equals(not) ? values.get((values.indexOf(value) + 1) % values.size()) : value;
    }

    private static List<String> names(String file) {
        try (InputStream in = DemoData.class.getResourceAsStream("/demo-data/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing resource /demo-data/" + file);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

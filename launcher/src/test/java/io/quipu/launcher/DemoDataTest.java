package io.quipu.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class DemoDataTest {

    static final int CUSTOMERS = 20_000;
    static final LocalDate ANCHOR = LocalDate.of(2026, 3, 14);

    @Test
    void theSameIndexIsTheSamePersonWhateverElseWasMade() {
        DemoData.Person later = DemoData.person(12_345);
        for (int index = 0; index < 100; index++) {
            DemoData.person(index);
        }
        assertThat(DemoData.person(12_345)).isEqualTo(later);
        assertThat(DemoData.person(0).id()).isEqualTo(UUID.nameUUIDFromBytes("quipu:seed-customer-0".getBytes(StandardCharsets.UTF_8)));
        assertThat(DemoData.deposit(7, ANCHOR)).isEqualTo(DemoData.deposit(7, ANCHOR));
        // A payment does not depend on how many customers were asked for: seeding more later repeats nothing.
        assertThat(DemoData.payment(500, 1_000, ANCHOR)).isEqualTo(DemoData.payment(500, 20_000, ANCHOR));
    }

    @Test
    void peopleHavePeruvianNamesFromTheBundledLists() {
        Set<String> given = new HashSet<>(resource("female-given-names.txt"));
        given.addAll(resource("male-given-names.txt"));
        Set<String> surnames = new HashSet<>(resource("surnames.txt"));
        assertThat(given).hasSizeGreaterThanOrEqualTo(40).contains("María", "José", "Milagros");
        assertThat(surnames).hasSizeGreaterThanOrEqualTo(40).contains("Quispe", "Huamán", "Mamani");

        Pattern address = Pattern.compile("(Av\\.|Jr\\.|Calle) [\\p{L} .]+ \\d{3,4}, [\\p{L} ]+");
        Set<String> fullNames = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        for (int index = 0; index < CUSTOMERS; index++) {
            DemoData.Person person = DemoData.person(index);
            List<String> givenNames = List.of(person.givenNames().split(" "));
            if (!given.containsAll(givenNames) || givenNames.size() > 2 || givenNames.size() != new HashSet<>(givenNames).size()
                    || !surnames.contains(person.paternalSurname()) || !surnames.contains(person.maternalSurname())
                    || !address.matcher(person.address()).matches() || person.occupation().isBlank()) {
                wrong.add(person.toString());
            }
            fullNames.add(person.givenNames() + " " + person.paternalSurname() + " " + person.maternalSurname());
        }
        assertThat(wrong).isEmpty();
        // Combined, the lists make a crowd, not a handful of twins.
        assertThat(fullNames).hasSizeGreaterThan(CUSTOMERS / 2);
    }

    @Test
    void dnisAreEightDigitsUniqueAndOutsideTheDocumentedDemoLogins() {
        Set<String> dnis = new HashSet<>();
        Pattern eightDigits = Pattern.compile("\\d{8}");
        for (int index = 0; index < CUSTOMERS; index++) {
            String dni = DemoData.person(index).dni();
            if (!eightDigits.matcher(dni).matches() || Integer.parseInt(dni) < DemoData.FIRST_DNI || Integer.parseInt(dni) > DemoData.LAST_DNI) {
                throw new AssertionError("DNI " + dni + " of #" + index + " is not 8 digits in the demo range");
            }
            dnis.add(dni);
        }
        assertThat(dnis).hasSize(CUSTOMERS);
        assertThat(dnis).doesNotContain("40000001", "40000002");
        // Unique over the whole allowed range too: the index → DNI map is a bijection, sampled at its ends.
        Set<String> edges = new HashSet<>();
        for (int index = DemoData.MAX_CUSTOMERS - CUSTOMERS; index < DemoData.MAX_CUSTOMERS; index++) {
            edges.add(DemoData.dni(index));
        }
        assertThat(edges).hasSize(CUSTOMERS);
        assertThat(Collections.disjoint(edges, dnis)).isTrue();
        assertThatThrownBy(() -> DemoData.dni(DemoData.MAX_CUSTOMERS)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DemoData.person(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyoneIsAnAdultWithAnEmailAndAPeruvianMobile() {
        LocalDate today = LocalDate.now(DemoSeeder.LIMA);
        Set<String> emails = new HashSet<>();
        Pattern phone = Pattern.compile("\\+519\\d{8}");
        List<String> wrong = new ArrayList<>();
        for (int index = 0; index < CUSTOMERS; index++) {
            DemoData.Person person = DemoData.person(index);
            int age = Period.between(person.birthDate(), today).getYears();
            String expectedEmail = DemoData.ascii(person.givenNames().split(" ")[0]) + "." + DemoData.ascii(person.paternalSurname())
                    + "." + index + "@example.pe";
            if (age < 18 || age > 120 || !person.email().equals(expectedEmail) || !phone.matcher(person.phone()).matches()) {
                wrong.add(person + " (age " + age + ")");
            }
            emails.add(person.email());
        }
        assertThat(wrong).isEmpty();
        assertThat(emails).hasSize(CUSTOMERS);
        assertThat(DemoData.person(12).email()).matches("[a-z]+\\.[a-z]+\\.12@example\\.pe");
        assertThat(DemoData.ascii("Huamán")).isEqualTo("huaman");
        assertThat(DemoData.ascii("Ñahui")).isEqualTo("nahui");
    }

    @Test
    void theHistorySpansTwelveMonthsAndNoAccountIsEverOverdrawn() {
        LocalDate first = DemoData.firstDay(ANCHOR);
        assertThat(first).isEqualTo(LocalDate.of(2025, 3, 15));
        Map<UUID, Long> deposited = new HashMap<>();
        Set<UUID> ids = new HashSet<>();
        LocalDate latestDeposit = LocalDate.MIN;
        List<String> wrong = new ArrayList<>();
        for (int index = 0; index < CUSTOMERS; index++) {
            DemoData.Transfer deposit = DemoData.deposit(index, ANCHOR);
            if (!deposit.debitAccountId().equals(DemoData.CASH_ACCOUNT_ID) || !deposit.creditAccountId().equals(DemoData.accountId(index))
                    || deposit.amountMinor() < DemoData.MIN_DEPOSIT_MINOR || deposit.amountMinor() > DemoData.MAX_DEPOSIT_MINOR
                    || !deposit.amount().endsWith(".00") || deposit.valueDate().isBefore(first) || deposit.valueDate().isAfter(ANCHOR)
                    || !ids.add(deposit.id())) {
                wrong.add(deposit.toString());
            }
            latestDeposit = deposit.valueDate().isAfter(latestDeposit) ? deposit.valueDate() : latestDeposit;
            deposited.put(deposit.creditAccountId(), deposit.amountMinor());
        }
        Map<UUID, Long> paid = new HashMap<>();
        Set<LocalDate> months = new HashSet<>();
        for (int index = 0; index < CUSTOMERS; index++) {
            DemoData.Transfer payment = DemoData.payment(index, CUSTOMERS, ANCHOR).orElseThrow();
            if (!payment.debitAccountId().equals(DemoData.accountId(index)) || payment.debitAccountId().equals(payment.creditAccountId())
                    || payment.amountMinor() < DemoData.MIN_PAYMENT_MINOR || payment.amountMinor() > DemoData.MAX_PAYMENT_MINOR
                    || !payment.valueDate().isAfter(latestDeposit) || payment.valueDate().isAfter(ANCHOR) || !ids.add(payment.id())) {
                wrong.add(payment.toString());
            }
            paid.merge(payment.debitAccountId(), payment.amountMinor(), Long::sum);
            months.add(payment.valueDate().withDayOfMonth(1));
        }
        assertThat(wrong).isEmpty();
        assertThat(DemoData.payment(3, CUSTOMERS, ANCHOR).orElseThrow().amount()).matches("\\d+\\.\\d{2}");
        // Whatever order the ledger applies the payments in, an account never pays out more than its own deposit.
        paid.forEach((account, amount) -> assertThat(amount).isLessThanOrEqualTo(deposited.get(account)));
        assertThat(months).hasSizeGreaterThanOrEqualTo(11);
        assertThat(DemoData.payment(0, 1, ANCHOR)).isEqualTo(Optional.empty());
        assertThat(DemoData.payment(0, 2, ANCHOR).orElseThrow().creditAccountId()).isEqualTo(DemoData.accountId(1));
    }

    @Test
    void seedOptionsTakeTheNumberOfCustomers() {
        assertThat(SeedOptions.parse(List.of()).customers()).isEqualTo(20_000);
        assertThat(SeedOptions.parse(List.of("--customers", "5000")).customers()).isEqualTo(5_000);
        assertThat(SeedOptions.parse(List.of("--customers=100_000")).customers()).isEqualTo(100_000);
        assertThatThrownBy(() -> SeedOptions.parse(List.of("--customers"))).hasMessageContaining("needs a number");
        assertThatThrownBy(() -> SeedOptions.parse(List.of("--customers", "many"))).hasMessageContaining("needs a number");
        assertThatThrownBy(() -> SeedOptions.parse(List.of("--customers", "0"))).hasMessageContaining("must be 1 to 1000000");
        assertThatThrownBy(() -> SeedOptions.parse(List.of("--customers", "2000000"))).hasMessageContaining("must be 1 to 1000000");
        assertThatThrownBy(() -> SeedOptions.parse(List.of("--accounts", "5"))).hasMessageContaining("unknown option for seed");
    }

    private static List<String> resource(String file) {
        try (var in = DemoDataTest.class.getResourceAsStream("/demo-data/" + file)) {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package io.quipu.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;

import org.junit.jupiter.api.Test;

import io.quipu.sandbox.domain.registry.DocumentType;
import io.quipu.sandbox.domain.registry.IdentityRegistry;
import io.quipu.sandbox.domain.registry.NameLists;
import io.quipu.sandbox.domain.registry.PersonRules;
import io.quipu.sandbox.domain.registry.RegisteredPerson;
import io.quipu.sandbox.domain.registry.SyntheticPersons;

class IdentityRegistryTest {

    private static final NameLists NAMES = NameLists.bundled();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void syntheticPersonsAreDeterministicAdultsMadeOfTheBundledNames() {
        SyntheticPersons persons = new SyntheticPersons(NAMES);
        for (int number = 10_000_001; number < 10_002_001; number++) {
            String dni = Integer.toString(number);
            RegisteredPerson person = persons.personFor(DocumentType.DNI, dni, TODAY);
            assertThat(persons.personFor(DocumentType.DNI, dni, TODAY)).isEqualTo(person);
            assertThat(Period.between(person.birthDate(), TODAY).getYears()).isBetween(19, 75);
            assertThat(NAMES.surnames()).contains(person.paternalSurname(), person.maternalSurname());
            String firstGivenName = person.givenNames().split(" ")[0];
            assertThat(person.gender().equals("F") ? NAMES.femaleGivenNames() : NAMES.maleGivenNames()).contains(firstGivenName);
            assertThat(person.photoReference()).matches("reniec-photo-[0-9a-f]{24}");
            assertThat(person.deceased()).isFalse();
        }
        assertThat(persons.personFor(DocumentType.DNI, "45871236", TODAY))
                .isNotEqualTo(persons.personFor(DocumentType.DNI, "45871237", TODAY));
        assertThat(persons.personFor(DocumentType.DNI, "45871236", TODAY.plusMonths(1)))
                .as("the same within the year").isEqualTo(persons.personFor(DocumentType.DNI, "45871236", TODAY));
    }

    @Test
    void specialNumbersAndExplicitPersons() {
        IdentityRegistry registry = new IdentityRegistry(2, new SyntheticPersons(NAMES));
        assertThat(registry.find(DocumentType.DNI, "45871000", TODAY)).isEmpty();
        assertThat(registry.find(DocumentType.CEDULA_EC, "1712345000", TODAY)).isPresent();
        assertThat(registry.find(DocumentType.DNI, IdentityRegistry.DECEASED_DNI, TODAY).orElseThrow().deceased()).isTrue();

        RegisteredPerson minor = new RegisteredPerson(DocumentType.DNI, "45871000", "Lucía", "Rojas", "Ccori",
                TODAY.minusYears(15), "F", "Av. Grau 120, Piura, Piura", "reniec-photo-minor", false);
        registry.register(minor);
        assertThat(registry.find(DocumentType.DNI, "45871000", TODAY)).contains(minor);
        assertThat(registry.remove(DocumentType.DNI, "45871000")).isTrue();
        assertThat(registry.remove(DocumentType.DNI, "45871000")).isFalse();
        assertThat(registry.find(DocumentType.DNI, "45871000", TODAY)).isEmpty();

        for (String dni : new String[] {"11111111", "22222222", "33333333"}) {
            registry.register(new RegisteredPerson(DocumentType.DNI, dni, "Ana", "Flores", "Díaz", TODAY.minusYears(30), "F",
                    "Av. Brasil 100, Lima", "p", false));
        }
        assertThat(registry.explicitPersons()).as("bounded").isEqualTo(2);
        assertThat(registry.find(DocumentType.DNI, "11111111", TODAY).orElseThrow().photoReference()).as("evicted: synthetic").isNotEqualTo("p");
    }

    @Test
    void documentsHaveTheirTypesDigits() {
        assertThat(DocumentType.DNI.isValidNumber("12345678")).isTrue();
        assertThat(DocumentType.DNI.isValidNumber("1234567")).isFalse();
        assertThat(DocumentType.DNI.isValidNumber("1234567٣")).as("only ASCII digits").isFalse();
        assertThat(DocumentType.CEDULA_EC.isValidNumber("1712345678")).isTrue();
        assertThat(PersonRules.checkDocument("CEDULA_EC", "171234567")).extracting(Violation::field).containsExactly("documentNumber");
        assertThat(PersonRules.checkDocument("dni", "12345678")).extracting(Violation::field).containsExactly("documentType");
    }
}

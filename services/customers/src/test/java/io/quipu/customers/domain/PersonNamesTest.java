package io.quipu.customers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonNamesTest {

    @ParameterizedTest
    @CsvSource({
            "'  María   José ',  María José",
            "Ñahui,             Ñahui",
            "O'Brien,           O'Brien",
            "Pérez-Albela,      Pérez-Albela",
    })
    void normalisesSpacesAndKeepsTheRest(String raw, String normalised) {
        assertThat(PersonNames.normalise(raw)).isEqualTo(normalised);
        assertThat(PersonNames.check(raw)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "'',          missing",
            "'   ',       missing",
            "Ana3,        invalid_characters",
            "Ana.,        invalid_characters",
            "'--',        invalid_characters",
            "<script>,    invalid_characters",
    })
    void refusesWhatIsNotAName(String raw, String code) {
        assertThat(PersonNames.check(raw)).get().extracting(RuleViolation::code).isEqualTo(code);
    }

    @Test
    void limitsTheLength() {
        assertThat(PersonNames.check("a".repeat(80))).isEmpty();
        assertThat(PersonNames.check("a".repeat(81))).get().extracting(RuleViolation::code).isEqualTo("too_long");
        assertThat(PersonNames.check(null)).get().extracting(RuleViolation::code).isEqualTo("missing");
    }

    @ParameterizedTest
    @CsvSource({
            "PEÑA,          pena",
            "Ñahui,         nahui",
            "José  María,   jose maria",
            "Pérez-Albela,  perez albela",
            "O'Brien,       obrien",
            "D’Angelo,      dangelo",
    })
    void comparesWithoutAccentsCaseOrPunctuation(String name, String key) {
        assertThat(PersonNames.comparisonKey(name)).isEqualTo(key);
    }

    /** Registry: given names MARÍA JOSÉ, paternal surname QUISPE, maternal surname MAMANI. */
    @ParameterizedTest
    @CsvSource({
            "maría josé,   Quispe Mamani,   true",
            "Maria,        quispe,          true",  // second given name and maternal surname left out
            "MARIA JOSE,   QUISPE MAMANI,   true",
            "' maria   jose ', ' quispe  mamani', true",
            "José,         Quispe Mamani,   false", // the first given name must be there
            "Maria Luisa,  Quispe Mamani,   false", // what is written must be the registry's
            "Maria,        Mamani,          false", // the paternal surname must be there
            "Maria,        Mamani Quispe,   false", // in the registry's order
            "Maria,        Quispe Flores,   false",
            "Maria,        Quispe Mamani Flores, false",
            "Mari,         Quispe,          false",
            "'',           Quispe,          false",
            "Maria,        '',              false",
    })
    void matchesTheRegistrysNames(String givenNames, String surnames, boolean matches) {
        assertThat(PersonNames.matches(givenNames, surnames, "MARÍA JOSÉ", "QUISPE", "MAMANI")).isEqualTo(matches);
    }

    @Test
    void handlesCompoundSurnamesAndAMissingMaternalSurname() {
        assertThat(PersonNames.matches("Juan", "de la Cruz Pérez", "JUAN CARLOS", "DE LA CRUZ", "PEREZ")).isTrue();
        assertThat(PersonNames.matches("Juan", "de la Cruz", "JUAN CARLOS", "DE LA CRUZ", "PEREZ")).isTrue();
        assertThat(PersonNames.matches("Juan", "Cruz Pérez", "JUAN CARLOS", "DE LA CRUZ", "PEREZ")).isFalse();
        assertThat(PersonNames.matches("John", "Smith", "JOHN", "SMITH", null)).isTrue();
        assertThat(PersonNames.matches("John", "Smith Jones", "JOHN", "SMITH", null)).isFalse();
        assertThat(PersonNames.matches("John", "Smith", "JOHN", null, null)).isFalse();
        assertThat(PersonNames.matches(null, null, "JOHN", "SMITH", null)).isFalse();
    }
}

package io.quipu.customers.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quipu.customers.SandboxServer;
import io.quipu.platform.clients.ProviderUnavailableException;

class ScreeningClientTest {

    private static final LocalDate BIRTH_DATE = LocalDate.of(1985, 3, 2);

    @AfterEach
    void clearFaults() {
        SandboxServer.clearFaults();
    }

    private static ScreeningClient client() {
        return new ScreeningClient(TestProviders.settings("screening", Duration.ofSeconds(5), 1, 0), TestProviders.JSON);
    }

    @Test
    void aPersonOnNoListIsClear() {
        ScreeningResult result = client().screen("DNI", "45678914", "Wilfredo Tantaleán Zevallos", BIRTH_DATE, "PE");

        assertThat(result.checkId()).isNotBlank();
        assertThat(result.sanctionsHit()).isFalse();
        assertThat(result.pep()).isFalse();
        assertThat(result.matchedLists()).isEmpty();
    }

    @Test
    void aPersonOnASanctionsListIsAHitWhateverTheOrderOfTheNames() {
        SandboxServer.addScreeningEntry("OFAC-SDN", "Rodolfo Tarazona Villanueva");

        ScreeningResult result = client().screen("DNI", "45678915", "Villanueva Tarazona Rodolfo", BIRTH_DATE, "PE");

        assertThat(result.sanctionsHit()).isTrue();
        assertThat(result.matchedLists()).contains("OFAC-SDN");
    }

    @Test
    void aPoliticallyExposedPersonIsNotASanctionsHit() {
        SandboxServer.addScreeningEntry("PEP-PE", "Carmen Rosa Huamán Ccori");

        ScreeningResult result = client().screen("DNI", "45678916", "Carmen Rosa Huamán Ccori", BIRTH_DATE, "PE");

        assertThat(result.pep()).isTrue();
        assertThat(result.sanctionsHit()).isFalse();
        assertThat(result.matchedLists()).containsExactly("PEP-PE");
    }

    @Test
    void aScreeningThatFailsIsNotRetried() {
        SandboxServer.setFault("screening", "down", 0, 10);

        assertThatThrownBy(() -> client().screen("DNI", "45678914", "Wilfredo Tantaleán Zevallos", BIRTH_DATE, "PE"))
                .isInstanceOfSatisfying(ProviderUnavailableException.class,
                        unavailable -> assertThat(unavailable.provider()).isEqualTo("screening"));
        assertThat(TestProviders.callsSince("screening", 10)).isEqualTo(1);
    }
}

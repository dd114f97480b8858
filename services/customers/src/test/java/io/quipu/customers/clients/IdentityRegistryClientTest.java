package io.quipu.customers.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quipu.customers.SandboxServer;
import io.quipu.platform.clients.ProviderSettings;
import io.quipu.platform.clients.ProviderUnavailableException;

class IdentityRegistryClientTest {

    @AfterEach
    void clearFaults() {
        SandboxServer.clearFaults();
    }

    @Test
    void findsThePersonHoldingADocument() {
        Optional<RegistryPerson> person = TestProviders.registry().findPerson("DNI", "45678912");

        assertThat(person).hasValueSatisfying(found -> {
            assertThat(found.documentType()).isEqualTo("DNI");
            assertThat(found.documentNumber()).isEqualTo("45678912");
            assertThat(found.givenNames()).isNotBlank();
            assertThat(found.paternalSurname()).isNotBlank();
            assertThat(found.birthDate()).isBefore(LocalDate.now());
            assertThat(found.photoReference()).isNotBlank();
            assertThat(found.deceased()).isFalse();
        });
    }

    @Test
    void readsExactlyThePersonSetInTheRegistryWithAccents() {
        SandboxServer.setRegistryPerson("DNI", "47123456", "María José", "Núñez", "Peña", LocalDate.of(1990, 5, 17), false);

        RegistryPerson person = TestProviders.registry().findPerson("DNI", "47123456").orElseThrow();

        assertThat(person.givenNames()).isEqualTo("María José");
        assertThat(person.paternalSurname()).isEqualTo("Núñez");
        assertThat(person.maternalSurname()).isEqualTo("Peña");
        assertThat(person.birthDate()).isEqualTo(LocalDate.of(1990, 5, 17));
    }

    @Test
    void aDocumentNobodyHoldsIsEmpty() {
        assertThat(TestProviders.registry().findPerson("DNI", "12345000")).isEmpty();
    }

    @Test
    void aDeceasedPersonIsMarkedSo() {
        assertThat(TestProviders.registry().findPerson("DNI", "10000009")).hasValueSatisfying(
                person -> assertThat(person.deceased()).isTrue());
    }

    @Test
    void anEcuadorianCedulaIsFound() {
        assertThat(TestProviders.registry().findPerson("CEDULA_EC", "1712345678")).hasValueSatisfying(
                person -> assertThat(person.documentType()).isEqualTo("CEDULA_EC"));
    }

    @Test
    void aWrongApiKeyIsOurBugNotAnOutage() {
        IdentityRegistryClient client = new IdentityRegistryClient(new ProviderSettings("registry", SandboxServer.baseUrl(),
                "wrong-key", Duration.ofSeconds(5), 3, TestProviders.SHORT_WAIT, ProviderSettings.Backoff.LINEAR, 5,
                Duration.ofSeconds(60)), TestProviders.JSON);

        assertThatThrownBy(() -> client.findPerson("DNI", "45678912"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("invalid_api_key");
    }

    @Test
    void aRegistryThatIsDownIsTriedThreeTimesThenItsCircuitOpensAfterFiveFailures() {
        IdentityRegistryClient client = TestProviders.registry();
        SandboxServer.setFault("registry", "down", 0, 100);

        assertThatThrownBy(() -> client.findPerson("DNI", "45678912"))
                .isInstanceOfSatisfying(ProviderUnavailableException.class,
                        unavailable -> assertThat(unavailable.provider()).isEqualTo("registry"))
                .hasMessageContaining("status 503");
        assertThat(TestProviders.callsSince("registry", 100)).isEqualTo(3);
        assertThat(client.circuitBreakerState()).isEqualTo("CLOSED");

        // Two more failed tries make five in a row: the circuit opens and the third try is not made.
        assertThatThrownBy(() -> client.findPerson("DNI", "45678912"))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("circuit breaker is open");
        assertThat(TestProviders.callsSince("registry", 100)).isEqualTo(5);
        assertThat(client.circuitBreakerState()).isEqualTo("OPEN");

        // Open: fails at once, without calling the registry, even though it is back.
        SandboxServer.clearFaults();
        SandboxServer.setFault("registry", "down", 0, 100);
        long started = System.nanoTime();
        assertThatThrownBy(() -> client.findPerson("DNI", "45678912"))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("circuit breaker is open");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(200));
        assertThat(TestProviders.callsSince("registry", 100)).isZero();
    }

    @Test
    void aRegistrySlowerThanTheTimeoutIsUnavailable() {
        IdentityRegistryClient client = new IdentityRegistryClient(
                TestProviders.settings("registry", Duration.ofMillis(300), 2, 5), TestProviders.JSON);
        SandboxServer.setFault("registry", "slow", 2_000, 2);

        long started = System.nanoTime();
        assertThatThrownBy(() -> client.findPerson("DNI", "45678912"))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("no answer within 300 ms")
                .hasMessageContaining("2 tries");
        // Two tries of 300 ms and a short pause: far less than one slow answer.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_500));
    }

    @Test
    void aRegistryThatRecoversBeforeTheLastTryAnswers() {
        SandboxServer.setFault("registry", "down", 0, 2);

        assertThat(TestProviders.registry().findPerson("DNI", "45678912")).isPresent();
    }

    @Test
    void refusesADocumentNumberThatIsNotOne() {
        assertThatThrownBy(() -> TestProviders.registry().findPerson("DNI", "../sandbox/faults"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.quipu.customers.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quipu.customers.SandboxServer;
import io.quipu.platform.clients.ProviderEndpoint;
import io.quipu.platform.clients.ProviderSettings.Backoff;
import io.quipu.platform.clients.ProviderSettings;
import io.quipu.platform.clients.ProviderUnavailableException;

class ProviderEndpointTest {

    @AfterEach
    void clearFaults() {
        SandboxServer.clearFaults();
    }

    private static ProviderSettings registrySettings(String baseUrl, int maxAttempts, int failures, Duration openDuration) {
        return new ProviderSettings("registry", baseUrl, "sandbox-registry-key", Duration.ofSeconds(2), maxAttempts,
                TestProviders.SHORT_WAIT, Backoff.EXPONENTIAL, failures, openDuration);
    }

    @Test
    void aProviderNobodyListensAtIsUnavailableAfterEveryTry() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        IdentityRegistryClient client = new IdentityRegistryClient(
                registrySettings("http://127.0.0.1:" + closedPort, 2, 5, Duration.ofSeconds(60)), TestProviders.JSON);

        assertThatThrownBy(() -> client.findPerson("DNI", "45678912"))
                .isInstanceOf(ProviderUnavailableException.class)
                .hasMessageContaining("ConnectException")
                .hasMessageContaining("2 tries");
    }

    @Test
    void anOpenCircuitLetsACallThroughAfterItsOpenDurationAndClosesWhenItPasses() throws InterruptedException {
        IdentityRegistryClient client = new IdentityRegistryClient(
                registrySettings(SandboxServer.baseUrl(), 1, 2, Duration.ofMillis(200)), TestProviders.JSON);
        SandboxServer.setFault("registry", "down", 0, 2);
        for (int call = 0; call < 2; call++) {
            assertThatThrownBy(() -> client.findPerson("DNI", "45678912")).isInstanceOf(ProviderUnavailableException.class);
        }
        assertThat(client.circuitBreakerState()).isEqualTo("OPEN");

        Thread.sleep(250);

        assertThat(client.findPerson("DNI", "45678912")).isPresent();
        assertThat(client.circuitBreakerState()).isEqualTo("CLOSED");
    }

    @Test
    void anAnswerLargerThanTheLimitIsRefused() {
        ProviderEndpoint endpoint = new ProviderEndpoint(
                registrySettings(SandboxServer.baseUrl(), 1, 0, Duration.ofSeconds(60)), 16, TestProviders.JSON);

        assertThatThrownBy(() -> endpoint.get("/registry/v1/persons/DNI/45678912"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("larger than 16 bytes");
    }

    @Test
    void settingsOutOfBoundsAreRefusedAndTheKeyIsNeverPrinted() {
        assertThatThrownBy(() -> registrySettings(SandboxServer.baseUrl(), 6, 5, Duration.ofSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> registrySettings("ftp://example.com", 3, 5, Duration.ofSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProviderSettings("registry", "http://127.0.0.1:8099", "key", Duration.ofMinutes(3), 1,
                TestProviders.SHORT_WAIT, Backoff.LINEAR, 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(registrySettings("http://127.0.0.1:8099/", 3, 5, Duration.ofSeconds(60)))
                .satisfies(settings -> assertThat(settings.baseUrl()).isEqualTo("http://127.0.0.1:8099"))
                .hasToString(registrySettings("http://127.0.0.1:8099", 3, 5, Duration.ofSeconds(60)).toString())
                .extracting(Object::toString).asString().doesNotContain("sandbox-registry-key");
    }

    @Test
    void aClientRefusesAnotherProvidersSettings() {
        assertThatThrownBy(() -> new BiometricsClient(registrySettings("http://127.0.0.1:8099", 1, 0, Duration.ofSeconds(1)),
                TestProviders.JSON))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

package io.quipu.customers.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quipu.customers.SandboxServer;
import io.quipu.platform.clients.ProviderUnavailableException;

class BiometricsClientTest {

    private static final String DOCUMENT = "45678913";

    @AfterEach
    void clearFaults() {
        SandboxServer.clearFaults();
    }

    @Test
    void theRegistryPhotosOwnFaceMatches() {
        String photo = TestProviders.registry().findPerson("DNI", DOCUMENT).orElseThrow().photoReference();

        BiometricVerification verification = TestProviders.biometrics()
                .verify(DOCUMENT, photo, TestProviders.matchingSelfie(photo, 7), 0.97);

        assertThat(verification.verificationId()).isNotBlank();
        assertThat(verification.score()).isGreaterThanOrEqualTo(0.9);
        assertThat(verification.liveness()).isTrue();
    }

    @Test
    void anotherFaceDoesNotMatch() {
        String photo = TestProviders.registry().findPerson("DNI", DOCUMENT).orElseThrow().photoReference();

        BiometricVerification verification = TestProviders.biometrics()
                .verify(DOCUMENT, photo, TestProviders.strangerSelfie(11), 0.97);

        assertThat(verification.score()).isLessThan(0.5);
    }

    @Test
    void aPhotoOfAPhotoIsNotLive() {
        String photo = TestProviders.registry().findPerson("DNI", DOCUMENT).orElseThrow().photoReference();

        assertThat(TestProviders.biometrics().verify(DOCUMENT, photo, TestProviders.matchingSelfie(photo, 3), 0.2).liveness())
                .isFalse();
    }

    @Test
    void aProviderThatIsDownIsTriedTwice() {
        SandboxServer.setFault("biometrics", "down", 0, 10);

        assertThatThrownBy(() -> TestProviders.biometrics().verify(DOCUMENT, "photo-1", TestProviders.strangerSelfie(1), 0.9))
                .isInstanceOfSatisfying(ProviderUnavailableException.class,
                        unavailable -> assertThat(unavailable.provider()).isEqualTo("biometrics"));
        assertThat(TestProviders.callsSince("biometrics", 10)).isEqualTo(2);
    }

    @Test
    void refusesAVectorOfTheWrongSize() {
        assertThatThrownBy(() -> TestProviders.biometrics().verify(DOCUMENT, "photo-1", List.of(0.1, 0.2), 0.9))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

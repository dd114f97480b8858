package io.quipu.customers.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quipu.customers.SandboxServer;
import io.quipu.customers.application.ContractDocument;
import io.quipu.customers.application.ContractDocument.ContractData;

class ESignatureClientTest {

    private static final String DOCUMENT = "45678917";
    private static final byte[] CONTRACT = ContractDocument.render(new ContractData("CT-2026-000042", "Ana Lucía Quispe Núñez",
            "DNI", "****8917", "ana@example.com", "1234567890123", "00212300123456789012", "PEN",
            "Cuenta de Ahorros Quipu", LocalDate.of(2026, 11, 25), Locale.forLanguageTag("es")));

    @AfterEach
    void clearFaults() {
        SandboxServer.clearFaults();
    }

    private static ESignatureClient client() {
        return new ESignatureClient(TestProviders.settings("esign", Duration.ofSeconds(10), 3, 5), TestProviders.JSON);
    }

    private static String passingVerification() {
        String photo = TestProviders.registry().findPerson("DNI", DOCUMENT).orElseThrow().photoReference();
        BiometricVerification verification = TestProviders.biometrics()
                .verify(DOCUMENT, photo, TestProviders.matchingSelfie(photo, 5), 0.98);
        assertThat(verification.score()).isGreaterThanOrEqualTo(0.9);
        return verification.verificationId();
    }

    @Test
    void signsTheContractAndARepeatedRequestGetsTheSameSignature() throws Exception {
        String verificationId = passingVerification();
        String requestId = UUID.randomUUID().toString();

        SignedDocument signed = client().sign(requestId, CONTRACT, "Ana Lucía Quispe Núñez", DOCUMENT, "ana@example.com",
                verificationId, "Contrato de cuenta de ahorros");

        assertThat(signed.signatureId()).isNotBlank();
        assertThat(signed.certificateSubject()).isNotBlank();
        assertThat(signed.signedAt()).isNotNull();
        assertThat(signed.documentSha256())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(CONTRACT)));
        try (PDDocument document = Loader.loadPDF(signed.signedPdf())) {
            assertThat(document.getSignatureDictionaries()).isNotEmpty();
        }

        SignedDocument again = client().sign(requestId, CONTRACT, "Ana Lucía Quispe Núñez", DOCUMENT, "ana@example.com",
                verificationId, "Contrato de cuenta de ahorros");
        assertThat(again.signatureId()).isEqualTo(signed.signatureId());
    }

    @Test
    void aProviderThatFailsTwiceIsRetriedAndSigns() {
        String verificationId = passingVerification();
        SandboxServer.setFault("esign", "down", 0, 2);

        SignedDocument signed = client().sign(UUID.randomUUID().toString(), CONTRACT, "Ana Lucía Quispe Núñez", DOCUMENT,
                "ana@example.com", verificationId, "Contrato de cuenta de ahorros");

        assertThat(signed.signedPdf()).isNotEmpty();
        assertThat(TestProviders.callsSince("esign", 2)).isEqualTo(2);
    }

    @Test
    void anUnknownBiometricVerificationIsRefused() {
        assertThatThrownBy(() -> client().sign(UUID.randomUUID().toString(), CONTRACT, "Ana Lucía Quispe Núñez", DOCUMENT,
                "ana@example.com", UUID.randomUUID().toString(), "Contrato de cuenta de ahorros"))
                .isInstanceOf(BiometricConfirmationRequiredException.class);
    }

    @Test
    void aVerificationOfAnotherFaceIsRefused() {
        String photo = TestProviders.registry().findPerson("DNI", DOCUMENT).orElseThrow().photoReference();
        String failed = TestProviders.biometrics().verify(DOCUMENT, photo, TestProviders.strangerSelfie(13), 0.98)
                .verificationId();

        assertThatThrownBy(() -> client().sign(UUID.randomUUID().toString(), CONTRACT, "Ana Lucía Quispe Núñez", DOCUMENT,
                "ana@example.com", failed, "Contrato de cuenta de ahorros"))
                .isInstanceOf(BiometricConfirmationRequiredException.class);
    }

    @Test
    void refusesWhatIsNotAPdf() {
        assertThatThrownBy(() -> client().sign("request-1", "hello".getBytes(), "Ana", DOCUMENT, "ana@example.com",
                UUID.randomUUID().toString(), "reason"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

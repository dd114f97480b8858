package io.quipu.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quipu.sandbox.domain.biometrics.BiometricVerification;
import io.quipu.sandbox.domain.esign.BiometricConfirmation;
import io.quipu.sandbox.domain.esign.SignatureArchive;
import io.quipu.sandbox.domain.esign.SignatureRules;
import io.quipu.sandbox.domain.esign.SignedDocument;

class ElectronicSignatureRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static Optional<BiometricVerification> verification(String documentNumber, double score, boolean liveness, Duration age) {
        return Optional.of(new BiometricVerification(UUID.randomUUID(), documentNumber, "p", score, liveness ? 0.9 : 0.1,
                liveness, NOW.minus(age)));
    }

    @Test
    void onlyAFreshStrongLiveVerificationOfTheSameDocumentConfirmsTheSigner() {
        assertThat(BiometricConfirmation.refusal(verification("45871236", 0.90, true, Duration.ofMinutes(9)), "45871236", NOW)).isEmpty();
        assertThat(BiometricConfirmation.refusal(Optional.empty(), "45871236", NOW)).isPresent();
        assertThat(BiometricConfirmation.refusal(verification("45871237", 0.99, true, Duration.ZERO), "45871236", NOW)).isPresent();
        assertThat(BiometricConfirmation.refusal(verification("45871236", 0.99, true, Duration.ofMinutes(10)), "45871236", NOW)).isPresent();
        assertThat(BiometricConfirmation.refusal(verification("45871236", 0.8999, true, Duration.ZERO), "45871236", NOW)).isPresent();
        assertThat(BiometricConfirmation.refusal(verification("45871236", 0.99, false, Duration.ZERO), "45871236", NOW)).isPresent();
    }

    @Test
    void theArchiveIsBoundedByCountAndBytesAndKeepsTheFirstAnswerOfARequest() {
        SignatureArchive archive = new SignatureArchive(3, 2_500);
        SignedDocument first = signed("request-1", 1_000);
        assertThat(archive.addIfAbsent(first)).isSameAs(first);
        assertThat(archive.addIfAbsent(signed("request-1", 10))).as("a retry gets the first").isSameAs(first);
        archive.addIfAbsent(signed("request-2", 1_000));
        archive.addIfAbsent(signed("request-3", 1_000));
        assertThat(archive.size()).isEqualTo(2);
        assertThat(archive.find(first.signatureId())).isEmpty();
        assertThat(archive.findByRequestId("request-1")).isEmpty();
        SignedDocument huge = signed("request-4", 10_000);
        archive.addIfAbsent(huge);
        assertThat(archive.size()).as("the newest is always kept").isEqualTo(1);
        assertThat(archive.findByRequestId("request-4")).contains(huge);
    }

    @Test
    void checksTheDocument() {
        assertThat(SignatureRules.checkDocument("%PDF-1.7".getBytes())).isEmpty();
        assertThat(SignatureRules.checkDocument("%PD".getBytes())).extracting(Violation::code).containsExactly("not_a_pdf");
        assertThat(SignatureRules.checkDocument(new byte[SignatureRules.MAX_DOCUMENT_BYTES + 1])).extracting(Violation::code).containsExactly("too_large");
    }

    private static SignedDocument signed(String requestId, int bytes) {
        return new SignedDocument(UUID.randomUUID(), requestId, "fingerprint", new byte[bytes], NOW, "CN=x", "hash");
    }
}

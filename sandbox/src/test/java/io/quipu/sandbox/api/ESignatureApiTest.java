package io.quipu.sandbox.api;

import static io.quipu.sandbox.api.ApiAssertions.assertFieldError;
import static io.quipu.sandbox.api.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The e-signature provider simulator over real HTTP: the signed PDF carries a CMS signature that verifies. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "quipu.sandbox.smtp-port=0")
class ESignatureApiTest {

    static final Map<String, String> ESIGN_KEY = Map.of("X-Api-Key", "sandbox-esign-key");
    private static final String DOCUMENT_NUMBER = "45871236";
    private static final String PHOTO = "reniec-photo-esign-test";

    @LocalServerPort
    int port;

    HttpTestClient http;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
    }

    static byte[] contract(String text) throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText(text);
                content.endText();
            }
            document.save(bytes);
            return bytes.toByteArray();
        }
    }

    private String verificationId(String documentNumber, boolean matching, double livenessScore) {
        List<Double> vector = matching ? BiometricsApiTest.matchingFeatures(http, PHOTO, 3)
                : new ArrayList<>(Collections.nCopies(128, 0.0));
        if (!matching) {
            vector.set(0, 1.0);
        }
        HttpTestClient.Reply verified = http.postJson("/biometrics/v1/verifications",
                BiometricsApiTest.verification(documentNumber, PHOTO, vector, livenessScore), BiometricsApiTest.BIOMETRICS_KEY);
        assertThat(verified.status()).as(verified.text()).isEqualTo(200);
        return verified.json().get("verificationId").asString();
    }

    private static Map<String, Object> signatureRequest(String requestId, byte[] document, String verificationId) {
        return new HashMap<>(Map.of("requestId", requestId, "documentBase64", Base64.getEncoder().encodeToString(document),
                "signer", Map.of("fullName", "Ana María Quispe Flores", "documentNumber", DOCUMENT_NUMBER, "email", "ana@example.com"),
                "biometricVerificationId", verificationId, "reason", "Apertura de cuenta de ahorros"));
    }

    @Test
    void signsThePdfWithASignatureThatVerifiesAgainstTheCertificate() throws Exception {
        byte[] original = contract("Contrato de cuenta de ahorros - Ana Maria Quispe Flores");
        String requestId = "contract-" + UUID.randomUUID();
        HttpTestClient.Reply created = http.postJson("/esign/v1/signatures",
                signatureRequest(requestId, original, verificationId(DOCUMENT_NUMBER, true, 0.9)), ESIGN_KEY);
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        JsonNode answer = created.json();
        assertThat(answer.get("requestId").asString()).isEqualTo(requestId);
        assertThat(answer.get("certificateSubject").asString()).isEqualTo("CN=Quipu Sandbox e-Signature, O=Quipu Sandbox");
        assertThat(answer.get("documentSha256").asString())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(original)));
        assertThat(answer.get("signedAt").asString()).isNotBlank();
        byte[] signed = Base64.getDecoder().decode(answer.get("signedDocumentBase64").asString());

        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(http.get("/sandbox/esign/certificate").body()));
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=Quipu Sandbox e-Signature,O=Quipu Sandbox");

        try (PDDocument document = Loader.loadPDF(signed)) {
            PDSignature signature = document.getLastSignatureDictionary();
            assertThat(signature).isNotNull();
            assertThat(signature.getName()).isEqualTo("Ana María Quispe Flores");
            assertThat(signature.getReason()).isEqualTo("Apertura de cuenta de ahorros");
            assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            int[] byteRange = signature.getByteRange();
            assertThat(byteRange[0]).isZero();
            assertThat(byteRange[2] + byteRange[3]).as("the signature covers the whole file").isEqualTo(signed.length);

            byte[] signedContent = signature.getSignedContent(signed);
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent), signature.getContents(signed));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            X509CertificateHolder embedded = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID()).iterator().next();
            assertThat(embedded.getEncoded()).isEqualTo(certificate.getEncoded());
            assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))).isTrue();
            assertThat(signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2))
                    .as("PAdES needs the signing certificate's hash").isNotNull();

            // Tampering with the signed bytes breaks the signature.
            signedContent[signedContent.length / 2] ^= 1;
            SignerInformation tampered = new CMSSignedData(new CMSProcessableByteArray(signedContent), signature.getContents(signed))
                    .getSignerInfos().getSigners().iterator().next();
            assertThat(verifies(tampered, certificate)).isFalse();
        }
        // The original's bytes are kept, the signature appended as an incremental update.
        assertThat(java.util.Arrays.copyOf(signed, original.length)).isEqualTo(original);

        String signatureId = answer.get("signatureId").asString();
        assertThat(http.get("/esign/v1/signatures/" + signatureId, ESIGN_KEY).json()).isEqualTo(answer);
    }

    private static boolean verifies(SignerInformation signer, X509Certificate certificate) {
        try {
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
        } catch (Exception e) {
            return false;
        }
    }

    @Test
    void theSameRequestIdGivesTheSameAnswerAndADifferentDocumentConflicts() throws Exception {
        byte[] original = contract("Contrato uno");
        String requestId = "contract-" + UUID.randomUUID();
        Map<String, Object> request = signatureRequest(requestId, original, verificationId(DOCUMENT_NUMBER, true, 0.9));
        HttpTestClient.Reply created = http.postJson("/esign/v1/signatures", request, ESIGN_KEY);
        assertThat(created.status()).as(created.text()).isEqualTo(201);

        HttpTestClient.Reply again = http.postJson("/esign/v1/signatures", request, ESIGN_KEY);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(created.json());

        Map<String, Object> otherDocument = new HashMap<>(request);
        otherDocument.put("documentBase64", Base64.getEncoder().encodeToString(contract("Contrato dos")));
        assertProblem(http.postJson("/esign/v1/signatures", otherDocument, ESIGN_KEY), 409, "request_id_reused");
    }

    @Test
    void refusesWithoutAFreshStrongBiometricConfirmationOfTheSigner() throws Exception {
        byte[] original = contract("Contrato");
        assertProblem(http.postJson("/esign/v1/signatures", signatureRequest("r-" + UUID.randomUUID(), original,
                UUID.randomUUID().toString()), ESIGN_KEY), 422, "biometric_confirmation_required");
        assertProblem(http.postJson("/esign/v1/signatures", signatureRequest("r-" + UUID.randomUUID(), original,
                verificationId("99999999", true, 0.9)), ESIGN_KEY), 422, "biometric_confirmation_required");
        assertProblem(http.postJson("/esign/v1/signatures", signatureRequest("r-" + UUID.randomUUID(), original,
                verificationId(DOCUMENT_NUMBER, false, 0.9)), ESIGN_KEY), 422, "biometric_confirmation_required");
        HttpTestClient.Reply notLive = http.postJson("/esign/v1/signatures", signatureRequest("r-" + UUID.randomUUID(), original,
                verificationId(DOCUMENT_NUMBER, true, 0.3)), ESIGN_KEY);
        assertProblem(notLive, 422, "biometric_confirmation_required");
        assertThat(notLive.json().get("detail").asString()).contains("live");
    }

    @Test
    void refusesAMissingOrWrongApiKey() {
        assertProblem(http.postJson("/esign/v1/signatures", Map.of(), Map.of()), 401, "missing_api_key");
        assertProblem(http.get("/esign/v1/signatures/" + UUID.randomUUID(), Map.of("X-Api-Key", "sandbox-registry-key")), 401, "invalid_api_key");
    }

    @Test
    void refusesBadInputWithFieldErrors() throws Exception {
        String verificationId = UUID.randomUUID().toString();
        Map<String, Object> notPdf = signatureRequest("r-" + UUID.randomUUID(), "hello, not a pdf".getBytes(), verificationId);
        assertFieldError(http.postJson("/esign/v1/signatures", notPdf, ESIGN_KEY), "documentBase64", "not_a_pdf");
        Map<String, Object> damagedPdf = signatureRequest("r-" + UUID.randomUUID(), "%PDF-1.7 but nothing else".getBytes(), verificationId(DOCUMENT_NUMBER, true, 0.9));
        assertFieldError(http.postJson("/esign/v1/signatures", damagedPdf, ESIGN_KEY), "documentBase64", "not_a_pdf");
        byte[] noPage;
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            document.save(bytes);
            noPage = bytes.toByteArray();
        }
        assertFieldError(http.postJson("/esign/v1/signatures", signatureRequest("r-" + UUID.randomUUID(), noPage,
                verificationId(DOCUMENT_NUMBER, true, 0.9)), ESIGN_KEY), "documentBase64", "not_a_pdf");
        Map<String, Object> notBase64 = signatureRequest("r-" + UUID.randomUUID(), contract("x"), verificationId);
        notBase64.put("documentBase64", "not base64 at all!");
        assertFieldError(http.postJson("/esign/v1/signatures", notBase64, ESIGN_KEY), "documentBase64", "invalid_base64");
        byte[] tooLarge = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-".getBytes(), 0, tooLarge, 0, 5);
        assertFieldError(http.postJson("/esign/v1/signatures", signatureRequest("r-" + UUID.randomUUID(), tooLarge, verificationId), ESIGN_KEY),
                "documentBase64", "too_large");

        HttpTestClient.Reply empty = http.postJson("/esign/v1/signatures", Map.of(), ESIGN_KEY);
        assertFieldError(empty, "requestId", "required");
        assertFieldError(empty, "documentBase64", "required");
        assertFieldError(empty, "signer", "required");
        assertFieldError(empty, "biometricVerificationId", "required");
        assertFieldError(empty, "reason", "required");
        HttpTestClient.Reply badSigner = http.postJson("/esign/v1/signatures", Map.of("requestId", "bad id",
                "signer", Map.of("documentNumber", "1", "email", "ana"), "biometricVerificationId", "123"), ESIGN_KEY);
        assertFieldError(badSigner, "requestId", "invalid_request_id");
        assertFieldError(badSigner, "signer.fullName", "required");
        assertFieldError(badSigner, "signer.documentNumber", "invalid_document_number");
        assertFieldError(badSigner, "signer.email", "invalid_email");
        assertFieldError(badSigner, "biometricVerificationId", "invalid_id");

        assertProblem(http.get("/esign/v1/signatures/" + UUID.randomUUID(), ESIGN_KEY), 404, "signature_not_found");
    }
}

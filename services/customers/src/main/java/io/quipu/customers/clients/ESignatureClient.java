package io.quipu.customers.clients;

import static io.quipu.customers.clients.Arguments.requireAnswered;
import static io.quipu.customers.clients.Arguments.requireMatch;
import static io.quipu.customers.clients.Arguments.requireText;

import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

import tools.jackson.databind.json.JsonMapper;

import io.quipu.platform.clients.ProviderEndpoint;
import io.quipu.platform.clients.ProviderSettings;
import io.quipu.platform.clients.ProviderUnavailableException;

/**
 * Has the e-signature provider sign a PDF for a signer who has just passed a biometric verification ({@code POST
 * /esign/v1/signatures}). Retrying is safe: the provider answers a repeated {@code requestId} with the signature it
 * already made. Locally the sandbox plays the provider.
 */
public class ESignatureClient {

    /** The provider's limit. */
    public static final int MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
    /** The signed document in base64 (4/3 of its size) with room for the signature and the other fields. */
    static final int MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
    private static final String PROVIDER = "esign";
    private static final String BIOMETRIC_CONFIRMATION_REQUIRED = "biometric_confirmation_required";
    private static final byte[] PDF_HEADER = {'%', 'P', 'D', 'F', '-'};

    private final ProviderEndpoint endpoint;

    public ESignatureClient(ProviderSettings settings, JsonMapper json) {
        if (!PROVIDER.equals(settings.provider())) {
            throw new IllegalArgumentException("the settings are of the " + settings.provider() + " provider");
        }
        this.endpoint = new ProviderEndpoint(settings, MAX_RESPONSE_BYTES, json);
    }

    /**
     * @param requestId               chosen by us, the same on every retry of this signature (letters, digits, {@code . _ : -})
     * @param biometricVerificationId a verification of the signer's document, less than 10 minutes old and passing
     * @throws BiometricConfirmationRequiredException when the provider does not accept the verification
     * @throws ProviderUnavailableException           when the provider did not answer after every try
     */
    public SignedDocument sign(String requestId, byte[] pdf, String signerFullName, String signerDocumentNumber,
            String signerEmail, String biometricVerificationId, String reason) {
        requireMatch("requestId", requestId, "[A-Za-z0-9._:\\-]{1,100}");
        if (pdf == null || pdf.length > MAX_DOCUMENT_BYTES || !isPdf(pdf)) {
            throw new IllegalArgumentException("pdf must be a PDF of at most " + MAX_DOCUMENT_BYTES + " bytes");
        }
        requireText("signerFullName", signerFullName, 200);
        requireMatch("signerDocumentNumber", signerDocumentNumber, "[0-9A-Za-z]{5,20}");
        requireText("signerEmail", signerEmail, 254);
        requireMatch("biometricVerificationId", biometricVerificationId, "[0-9a-fA-F-]{36}");
        requireText("reason", reason, 200);
        ProviderEndpoint.Answer answer = endpoint.postJson("/esign/v1/signatures", new SignatureRequest(requestId,
                Base64.getEncoder().encodeToString(pdf), new Signer(signerFullName, signerDocumentNumber, signerEmail),
                biometricVerificationId, reason));
        if (answer.status() == 422 && BIOMETRIC_CONFIRMATION_REQUIRED.equals(endpoint.problemCode(answer))) {
            throw new BiometricConfirmationRequiredException();
        }
        if (!answer.isSuccess()) {
            throw endpoint.unexpected(answer);
        }
        SignatureAnswer signature = endpoint.read(answer, SignatureAnswer.class);
        if (!requestId.equals(signature.requestId())) {
            throw new IllegalStateException("the e-signature provider answered for another request than the one sent");
        }
        byte[] signedPdf = decode(requireAnswered(PROVIDER, "signedDocumentBase64", signature.signedDocumentBase64()));
        return new SignedDocument(requireAnswered(PROVIDER, "signatureId", signature.signatureId()), signedPdf,
                requireAnswered(PROVIDER, "signedAt", signature.signedAt()),
                requireAnswered(PROVIDER, "certificateSubject", signature.certificateSubject()),
                requireAnswered(PROVIDER, "documentSha256", signature.documentSha256()));
    }

    String circuitBreakerState() {
        return endpoint.circuitBreakerState();
    }

    private static byte[] decode(String base64) {
        byte[] signed;
        try {
            signed = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the e-signature provider's signed document is not base64");
        }
        if (!isPdf(signed)) {
            throw new IllegalStateException("the e-signature provider's signed document is not a PDF");
        }
        return signed;
    }

    private static boolean isPdf(byte[] document) {
        return document.length > PDF_HEADER.length
                && Arrays.equals(document, 0, PDF_HEADER.length, PDF_HEADER, 0, PDF_HEADER.length);
    }

    private record Signer(String fullName, String documentNumber, String email) {
    }

    private record SignatureRequest(String requestId, String documentBase64, Signer signer,
            String biometricVerificationId, String reason) {
    }

    private record SignatureAnswer(String signatureId, String requestId, String signedDocumentBase64, Instant signedAt,
            String certificateSubject, String documentSha256) {
    }
}

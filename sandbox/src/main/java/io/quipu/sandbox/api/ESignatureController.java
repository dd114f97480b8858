package io.quipu.sandbox.api;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.platform.id.Ids;
import io.quipu.platform.web.ApiException;
import io.quipu.sandbox.domain.BoundedStore;
import io.quipu.sandbox.domain.Hashes;
import io.quipu.sandbox.domain.biometrics.BiometricVerification;
import io.quipu.sandbox.domain.esign.BiometricConfirmation;
import io.quipu.sandbox.domain.esign.SignatureArchive;
import io.quipu.sandbox.domain.esign.SignatureRules;
import io.quipu.sandbox.domain.esign.SignedDocument;
import io.quipu.sandbox.esign.PdfSigner;
import io.quipu.sandbox.esign.SigningIdentity;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The simulated e-signature provider: signs a PDF (PAdES-style, with a real CMS signature) for a signer who has just
 * passed a biometric verification. Idempotent by the client's {@code requestId}.
 */
@RestController
@RequestMapping("/esign/v1/signatures")
@Tag(name = "E-signature provider", description = "A simulated e-signature provider that signs PDFs. Requires the X-Api-Key header.")
public class ESignatureController {

    /** Base64 of the largest document, with room for line breaks some encoders add. */
    private static final int MAX_ENCODED_CHARACTERS = (SignatureRules.MAX_DOCUMENT_BYTES / 3 + 1) * 4 * 77 / 76 + 4;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final SignatureArchive archive;
    private final BoundedStore<UUID, BiometricVerification> verifications;
    private final PdfSigner signer;
    private final SigningIdentity identity;
    private final Clock clock;

    public ESignatureController(SignatureArchive archive, BoundedStore<UUID, BiometricVerification> verifications,
            PdfSigner signer, SigningIdentity identity, Clock clock) {
        this.archive = archive;
        this.verifications = verifications;
        this.signer = signer;
        this.identity = identity;
        this.clock = clock;
    }

    public record Signer(String fullName, String documentNumber, String email) {
    }

    /** {@code requestId}: chosen by the client; a retry with the same one gets the same answer. */
    public record SignatureRequest(String requestId, String documentBase64, Signer signer, String biometricVerificationId,
            String reason) {
    }

    /** {@code documentSha256}: of the document as sent, before signing (hex). */
    public record SignatureView(String signatureId, String requestId, String signedDocumentBase64, Instant signedAt,
            String certificateSubject, String documentSha256) {
        static SignatureView of(SignedDocument document) {
            return new SignatureView(document.signatureId().toString(), document.requestId(),
                    Base64.getEncoder().encodeToString(document.signedDocument()), document.signedAt(),
                    document.certificateSubject(), document.documentSha256());
        }
    }

    @PostMapping
    @Operation(summary = "Sign a PDF for a biometrically confirmed signer",
            description = "201 with the signed PDF; the same requestId again: 200 with the same answer, or 409 if the request differs. "
                    + "422 biometric_confirmation_required unless biometricVerificationId is a verification of the signer's document, "
                    + "less than 10 minutes old, with score ≥ 0.90 and liveness.")
    public ResponseEntity<SignatureView> sign(@RequestBody SignatureRequest request) {
        Signer person = request.signer();
        RequestChecks.throwIfAny(SignatureRules.check(request.requestId(), request.documentBase64() != null, person != null,
                person == null ? null : person.fullName(), person == null ? null : person.documentNumber(),
                person == null ? null : person.email(), request.biometricVerificationId(), request.reason()));
        byte[] document = decode(request.documentBase64());
        RequestChecks.throwIfAny(SignatureRules.checkDocument(document));
        String documentSha256 = Hashes.sha256Hex(document);
        String fingerprint = fingerprint(request, documentSha256);

        Optional<SignedDocument> earlier = archive.findByRequestId(request.requestId());
        if (earlier.isPresent()) {
            return replay(earlier.get(), fingerprint);
        }
        Instant now = clock.instant();
        Optional<BiometricVerification> verification = verifications.find(UUID.fromString(request.biometricVerificationId()));
        BiometricConfirmation.refusal(verification, person.documentNumber(), now).ifPresent(reason -> {
            throw ApiException.unprocessable("biometric_confirmation_required", reason);
        });
        byte[] signed;
        try {
            signed = signer.sign(document, person.fullName().strip(), request.reason().strip(), now);
        } catch (PdfSigner.NotSignableException e) {
            throw ApiException.invalidField("documentBase64", "not_a_pdf", e.getMessage());
        }
        SignedDocument created = new SignedDocument(Ids.newId(), request.requestId(), fingerprint, signed, now,
                identity.subject(), documentSha256);
        SignedDocument kept = archive.addIfAbsent(created);
        if (kept != created) {
            return replay(kept, fingerprint); // a concurrent retry signed first
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(SignatureView.of(created));
    }

    @GetMapping("/{signatureId}")
    @Operation(summary = "A signature the provider made, with the signed PDF")
    public SignatureView one(@PathVariable UUID signatureId) {
        return archive.find(signatureId).map(SignatureView::of)
                .orElseThrow(() -> ApiException.notFound("signature_not_found", "There is no signature " + signatureId + "."));
    }

    private static ResponseEntity<SignatureView> replay(SignedDocument earlier, String fingerprint) {
        if (!earlier.requestFingerprint().equals(fingerprint)) {
            throw ApiException.conflict("request_id_reused",
                    "The requestId " + earlier.requestId() + " was used for another request (a different document, signer or reason).");
        }
        return ResponseEntity.ok(SignatureView.of(earlier));
    }

    private static byte[] decode(String documentBase64) {
        if (documentBase64.length() > MAX_ENCODED_CHARACTERS) {
            RequestChecks.throwIfAny(List.of(SignatureRules.documentTooLarge()));
        }
        try {
            // Line breaks and spaces some encoders add are fine; any other character is not base64.
            return Base64.getDecoder().decode(WHITESPACE.matcher(documentBase64).replaceAll(""));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("documentBase64", "invalid_base64", "must be the document encoded in base64");
        }
    }

    /** Everything the client sent, hashed: a retry must be the same request, not just the same requestId. */
    private static String fingerprint(SignatureRequest request, String documentSha256) {
        List<String> parts = List.of(documentSha256, request.signer().fullName(), request.signer().documentNumber(),
                request.signer().email(), request.biometricVerificationId(), request.reason());
        StringBuilder joined = new StringBuilder();
        for (String part : parts) {
            // Each part prefixed by its length: two different requests can never join into the same text.
            joined.append(part.length()).append(':').append(part);
        }
        return Hashes.sha256Hex(joined.toString().getBytes(StandardCharsets.UTF_8));
    }
}

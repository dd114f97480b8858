package io.quipu.sandbox.domain.esign;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A document the provider signed.
 *
 * @param requestFingerprint the hash of everything the client sent, to tell a retry from a different request
 * @param documentSha256     the hash (hex) of the document as the client sent it, before signing
 */
public record SignedDocument(UUID signatureId, String requestId, String requestFingerprint, byte[] signedDocument,
        Instant signedAt, String certificateSubject, String documentSha256) {

    public SignedDocument {
        Objects.requireNonNull(signatureId, "signatureId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(requestFingerprint, "requestFingerprint");
        Objects.requireNonNull(signedDocument, "signedDocument");
        Objects.requireNonNull(signedAt, "signedAt");
        Objects.requireNonNull(certificateSubject, "certificateSubject");
        Objects.requireNonNull(documentSha256, "documentSha256");
    }
}

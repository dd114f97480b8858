package io.quipu.customers.clients;

import java.time.Instant;

/** A PDF the e-signature provider signed; {@code documentSha256} is of the document as sent, before signing (hex). */
public record SignedDocument(String signatureId, byte[] signedPdf, Instant signedAt, String certificateSubject,
        String documentSha256) {
}

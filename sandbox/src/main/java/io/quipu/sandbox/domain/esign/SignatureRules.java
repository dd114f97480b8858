package io.quipu.sandbox.domain.esign;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.quipu.sandbox.domain.Violation;
import io.quipu.sandbox.domain.biometrics.VerificationRules;

/** What the e-signature provider accepts, apart from the document itself (see {@link #checkDocument}). */
public final class SignatureRules {

    public static final int MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
    public static final int MAX_REQUEST_ID_CHARACTERS = 100;
    public static final int MAX_NAME_CHARACTERS = 200;
    public static final int MAX_EMAIL_CHARACTERS = 254;
    public static final int MAX_REASON_CHARACTERS = 200;
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1," + MAX_REQUEST_ID_CHARACTERS + "}");
    /** One @, something before it, a dotted domain after it: enough to catch mistakes, as providers do. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final byte[] PDF_HEADER = {'%', 'P', 'D', 'F', '-'};

    private SignatureRules() {
    }

    public static List<Violation> check(String requestId, boolean hasDocument, boolean hasSigner, String fullName,
            String documentNumber, String email, String biometricVerificationId, String reason) {
        List<Violation> violations = new ArrayList<>();
        if (requestId == null || requestId.isBlank()) {
            violations.add(new Violation("requestId", "required", "is required"));
        } else if (!REQUEST_ID.matcher(requestId).matches()) {
            violations.add(new Violation("requestId", "invalid_request_id",
                    "must be 1 to " + MAX_REQUEST_ID_CHARACTERS + " letters, digits, '.', '_', ':' or '-'"));
        }
        if (!hasDocument) {
            violations.add(new Violation("documentBase64", "required", "is required"));
        }
        if (!hasSigner) {
            violations.add(new Violation("signer", "required", "is required"));
        } else {
            checkText("signer.fullName", fullName, MAX_NAME_CHARACTERS, violations);
            if (documentNumber == null || documentNumber.isBlank()) {
                violations.add(new Violation("signer.documentNumber", "required", "is required"));
            } else if (!VerificationRules.isDocumentNumber(documentNumber)) {
                violations.add(new Violation("signer.documentNumber", "invalid_document_number", "must be 5 to 20 letters and digits"));
            }
            if (email == null || email.isBlank()) {
                violations.add(new Violation("signer.email", "required", "is required"));
            } else if (email.length() > MAX_EMAIL_CHARACTERS || !EMAIL.matcher(email).matches()) {
                violations.add(new Violation("signer.email", "invalid_email", "must be an e-mail address"));
            }
        }
        if (biometricVerificationId == null || biometricVerificationId.isBlank()) {
            violations.add(new Violation("biometricVerificationId", "required", "is required"));
        } else if (!UUID_TEXT.matcher(biometricVerificationId).matches()) {
            violations.add(new Violation("biometricVerificationId", "invalid_id", "must be a verification id (a UUID)"));
        }
        checkText("reason", reason, MAX_REASON_CHARACTERS, violations);
        return violations;
    }

    /** The decoded document's problem, if any: too large, or not even starting like a PDF. */
    public static List<Violation> checkDocument(byte[] document) {
        if (document.length > MAX_DOCUMENT_BYTES) {
            return List.of(documentTooLarge());
        }
        if (!startsWithPdfHeader(document)) {
            return List.of(new Violation("documentBase64", "not_a_pdf", "must be a PDF document, encoded in base64"));
        }
        return List.of();
    }

    public static Violation documentTooLarge() {
        return new Violation("documentBase64", "too_large", "the document must be at most 5 MB (" + MAX_DOCUMENT_BYTES + " bytes)");
    }

    private static boolean startsWithPdfHeader(byte[] document) {
        if (document.length < PDF_HEADER.length) {
            return false;
        }
        for (int index = 0; index < PDF_HEADER.length; index++) {
            if (document[index] != PDF_HEADER[index]) {
                return false;
            }
        }
        return true;
    }

    private static void checkText(String field, String value, int maxCharacters, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "required", "is required"));
        } else if (value.length() > maxCharacters) {
            violations.add(new Violation(field, "too_long", "must be at most " + maxCharacters + " characters"));
        }
    }
}

package io.quipu.sandbox.domain.biometrics;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.quipu.sandbox.domain.Violation;

/** What the biometric provider accepts: a document, a photo reference and the features of a selfie. */
public final class VerificationRules {

    /** A selfie is of a live person from this liveness score on. */
    public static final double LIVENESS_THRESHOLD = 0.5;
    public static final int MAX_PHOTO_REFERENCE_CHARACTERS = 100;
    public static final String PHOTO_REFERENCE_RULE =
            "must be 1 to " + MAX_PHOTO_REFERENCE_CHARACTERS + " letters, digits, '.', '_', ':' or '-'";
    private static final Pattern DOCUMENT_NUMBER = Pattern.compile("[0-9A-Za-z]{5,20}");
    private static final Pattern PHOTO_REFERENCE = Pattern.compile("[A-Za-z0-9._:\\-]{1," + MAX_PHOTO_REFERENCE_CHARACTERS + "}");

    private VerificationRules() {
    }

    public static boolean isPhotoReference(String value) {
        return value != null && PHOTO_REFERENCE.matcher(value).matches();
    }

    public static boolean isDocumentNumber(String value) {
        return value != null && DOCUMENT_NUMBER.matcher(value).matches();
    }

    /**
     * Every problem of a verification request, empty when the provider would accept it.
     *
     * @param vector null when the request had no features
     */
    public static List<Violation> check(String documentNumber, String photoReference, boolean hasFeatures,
            List<Double> vector, Double livenessScore) {
        List<Violation> violations = new ArrayList<>();
        if (documentNumber == null || documentNumber.isBlank()) {
            violations.add(new Violation("documentNumber", "required", "is required"));
        } else if (!isDocumentNumber(documentNumber)) {
            violations.add(new Violation("documentNumber", "invalid_document_number", "must be 5 to 20 letters and digits"));
        }
        if (photoReference == null || photoReference.isBlank()) {
            violations.add(new Violation("photoReference", "required", "is required"));
        } else if (!isPhotoReference(photoReference)) {
            violations.add(new Violation("photoReference", "invalid_photo_reference", PHOTO_REFERENCE_RULE));
        }
        if (!hasFeatures) {
            violations.add(new Violation("features", "required", "is required"));
            return violations;
        }
        checkVector(vector, violations);
        if (livenessScore == null) {
            violations.add(new Violation("features.livenessScore", "required", "is required"));
        } else if (!Double.isFinite(livenessScore) || livenessScore < 0 || livenessScore > 1) {
            violations.add(new Violation("features.livenessScore", "out_of_range", "must be between 0 and 1"));
        }
        return violations;
    }

    private static void checkVector(List<Double> vector, List<Violation> violations) {
        if (vector == null) {
            violations.add(new Violation("features.vector", "required", "is required"));
            return;
        }
        if (vector.size() != BiometricTemplates.DIMENSIONS) {
            violations.add(new Violation("features.vector", "wrong_size",
                    "must have exactly " + BiometricTemplates.DIMENSIONS + " numbers, not " + vector.size()));
            return;
        }
        boolean allZero = true;
        for (int index = 0; index < vector.size(); index++) {
            Double value = vector.get(index);
            if (value == null || !Double.isFinite(value)) {
                // The first bad element is enough to fix the client; 128 field errors would drown it.
                violations.add(new Violation("features.vector[" + index + "]", "not_finite", "must be a finite number"));
                return;
            }
            allZero &= value == 0;
        }
        if (allZero) {
            violations.add(new Violation("features.vector", "zero_vector", "must not be all zeros: it resembles no face"));
        }
    }

    public static double[] toArray(List<Double> vector) {
        double[] values = new double[vector.size()];
        for (int index = 0; index < values.length; index++) {
            values[index] = vector.get(index);
        }
        return values;
    }
}

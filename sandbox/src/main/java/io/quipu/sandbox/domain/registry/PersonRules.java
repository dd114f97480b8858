package io.quipu.sandbox.domain.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.quipu.sandbox.domain.Violation;
import io.quipu.sandbox.domain.biometrics.VerificationRules;

/** What the registry accepts as a person set through the control panel: the shape of a real record. */
public final class PersonRules {

    public static final int MAX_NAME_CHARACTERS = 100;
    public static final int MAX_ADDRESS_CHARACTERS = 200;
    private static final LocalDate EARLIEST_BIRTH_DATE = LocalDate.of(1900, 1, 1);
    /** Letters (accents included), spaces, apostrophes, hyphens and dots, as names are printed on documents. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}][\\p{L} '.\\-]*");

    private PersonRules() {
    }

    /** The problems of a document in a path, empty when the type is known and the number has its digits. */
    public static List<Violation> checkDocument(String documentType, String documentNumber) {
        List<Violation> violations = new ArrayList<>(2);
        DocumentType.of(documentType).ifPresentOrElse(type -> {
            if (!type.isValidNumber(documentNumber)) {
                violations.add(new Violation("documentNumber", "invalid_document_number",
                        "a " + type.name() + " is exactly " + type.digits() + " digits"));
            }
        }, () -> violations.add(new Violation("documentType", "invalid_value", "must be one of: DNI, CEDULA_EC")));
        return violations;
    }

    public static List<Violation> check(String givenNames, String paternalSurname, String maternalSurname,
            LocalDate birthDate, String gender, String address, String photoReference, LocalDate today) {
        List<Violation> violations = new ArrayList<>();
        checkName("givenNames", givenNames, violations);
        checkName("paternalSurname", paternalSurname, violations);
        checkName("maternalSurname", maternalSurname, violations);
        if (birthDate == null) {
            violations.add(new Violation("birthDate", "required", "is required"));
        } else if (birthDate.isAfter(today) || birthDate.isBefore(EARLIEST_BIRTH_DATE)) {
            violations.add(new Violation("birthDate", "out_of_range", "must be between 1900-01-01 and today"));
        }
        if (gender == null) {
            violations.add(new Violation("gender", "required", "is required"));
        } else if (!gender.equals("F") && !gender.equals("M")) {
            violations.add(new Violation("gender", "invalid_value", "must be F or M"));
        }
        if (address == null || address.isBlank()) {
            violations.add(new Violation("address", "required", "is required"));
        } else if (address.length() > MAX_ADDRESS_CHARACTERS) {
            violations.add(new Violation("address", "too_long", "must be at most " + MAX_ADDRESS_CHARACTERS + " characters"));
        }
        // The biometric provider must accept the reference, since clients pass it on to compare selfies with it.
        if (photoReference != null && !VerificationRules.isPhotoReference(photoReference)) {
            violations.add(new Violation("photoReference", "invalid_photo_reference", VerificationRules.PHOTO_REFERENCE_RULE));
        }
        return violations;
    }

    private static void checkName(String field, String value, List<Violation> violations) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "required", "is required"));
        } else if (value.length() > MAX_NAME_CHARACTERS) {
            violations.add(new Violation(field, "too_long", "must be at most " + MAX_NAME_CHARACTERS + " characters"));
        } else if (!NAME.matcher(value).matches()) {
            violations.add(new Violation(field, "invalid_name", "must be letters, spaces, apostrophes, hyphens or dots"));
        }
    }
}

package io.quipu.sandbox.domain.registry;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A person as the identity registry records them.
 *
 * @param gender         {@code F} or {@code M}, as printed on the document
 * @param photoReference an opaque reference to the registry's photo; the biometric provider compares selfies with it
 */
public record RegisteredPerson(DocumentType documentType, String documentNumber, String givenNames,
        String paternalSurname, String maternalSurname, LocalDate birthDate, String gender, String address,
        String photoReference, boolean deceased) {

    public RegisteredPerson {
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(documentNumber, "documentNumber");
        Objects.requireNonNull(givenNames, "givenNames");
        Objects.requireNonNull(paternalSurname, "paternalSurname");
        Objects.requireNonNull(maternalSurname, "maternalSurname");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(gender, "gender");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(photoReference, "photoReference");
    }
}

package io.quipu.customers.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * A person the bank knows, with the sensitive fields in clear (they are encrypted only where stored). {@code version}
 * grows with every change: an update names the version it read, so two concurrent edits cannot silently overwrite.
 */
public record Customer(UUID id, String givenNames, String paternalSurname, String maternalSurname, String email, String phone,
                       DocumentType documentType, String documentNumber, LocalDate birthDate, String address,
                       String nationality, String occupation, boolean politicallyExposed, CustomerStatus status,
                       RiskLevel riskLevel, String language, long version, Instant createdAt, Instant updatedAt) {

    public Customer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(givenNames, "givenNames");
        Objects.requireNonNull(paternalSurname, "paternalSurname");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(documentType, "documentType");
        Objects.requireNonNull(documentNumber, "documentNumber");
        Objects.requireNonNull(birthDate, "birthDate");
        Objects.requireNonNull(nationality, "nationality");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(riskLevel, "riskLevel");
        if (!"es".equals(language) && !"en".equals(language)) {
            throw new IllegalArgumentException("language must be es or en");
        }
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
    }

    public String surnames() {
        return maternalSurname == null || maternalSurname.isBlank() ? paternalSurname : paternalSurname + " " + maternalSurname;
    }

    public String fullName() {
        return givenNames + " " + surnames();
    }

    public Customer withStatus(CustomerStatus next, Instant at) {
        return new Customer(id, givenNames, paternalSurname, maternalSurname, email, phone, documentType, documentNumber, birthDate,
                address, nationality, occupation, politicallyExposed, status.transitionTo(next), riskLevel, language, version,
                createdAt, at);
    }

    /** The contact and personal details a customer may change themselves; identity data (names, document) stay. */
    public Customer withContactDetails(String newEmail, String newPhone, String newAddress, String newOccupation, String newLanguage,
                                       Instant at) {
        return new Customer(id, givenNames, paternalSurname, maternalSurname, newEmail, newPhone, documentType, documentNumber,
                birthDate, newAddress, nationality, newOccupation, politicallyExposed, status, riskLevel, newLanguage, version,
                createdAt, at);
    }
}

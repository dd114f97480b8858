package io.quipu.contracts.customers;

import java.time.Instant;

/**
 * A customer as the API shows it. {@code documentNumber}, {@code phone} and {@code birthDate} are in clear for the
 * customer themselves and for tellers and administrators, masked ({@code ****5678}) for other staff; {@code masked} says
 * which.
 */
public record CustomerResponse(
        String id,
        String givenNames,
        String paternalSurname,
        String maternalSurname,
        String email,
        String phone,
        String documentType,
        String documentNumber,
        String birthDate,
        String address,
        String nationality,
        String occupation,
        boolean politicallyExposed,
        String status,
        String riskLevel,
        String language,
        boolean masked,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}

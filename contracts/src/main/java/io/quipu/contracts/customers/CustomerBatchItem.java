package io.quipu.contracts.customers;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One customer of {@code POST /customers/batch}: the fields of {@link CreateCustomerRequest} (validated by its rules,
 * through {@link #request()}) plus an optional {@code id} chosen by the caller, which makes a repeat recognisable.
 */
public record CustomerBatchItem(
        UUID id,
        String givenNames,
        String paternalSurname,
        String maternalSurname,
        String email,
        String phone,
        String documentType,
        String documentNumber,
        LocalDate birthDate,
        String address,
        String nationality,
        String occupation,
        String language) {

    /** The same customer as a single {@code POST /customers} would take it. */
    public CreateCustomerRequest request() {
        return new CreateCustomerRequest(givenNames, paternalSurname, maternalSurname, email, phone, documentType, documentNumber,
                birthDate, address, nationality, occupation, language);
    }
}

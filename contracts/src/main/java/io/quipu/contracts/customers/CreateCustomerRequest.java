package io.quipu.contracts.customers;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A customer registered by staff at a branch (documents checked in person). Validated by the bank's rules too. */
public record CreateCustomerRequest(
        @NotBlank @Size(max = 80) String givenNames,
        @NotBlank @Size(max = 80) String paternalSurname,
        @Size(max = 80) String maternalSurname,
        @NotBlank @Size(max = 254) String email,
        @NotBlank @Size(max = 20) String phone,
        @NotNull @Pattern(regexp = "DNI|RUC|CE|PASSPORT|CEDULA_EC", message = "must be DNI, RUC, CE, PASSPORT or CEDULA_EC") String documentType,
        @NotBlank @Size(max = 20) String documentNumber,
        @NotNull LocalDate birthDate,
        @Size(max = 200) String address,
        @NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 alpha-2 code such as PE") String nationality,
        @Size(max = 80) String occupation,
        @Pattern(regexp = "es|en", message = "must be es or en") String language) {
}

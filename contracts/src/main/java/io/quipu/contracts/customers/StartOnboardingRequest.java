package io.quipu.contracts.customers;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Step 1 of onboarding on the phone: who the person says they are and how to reach them. {@code birthDate} is optional:
 * when given, it must be an adult's and the identity registry's, or the onboarding is rejected ({@code birth_date_mismatch}).
 */
public record StartOnboardingRequest(
        @NotNull @Pattern(regexp = "DNI|CEDULA_EC", message = "must be DNI or CEDULA_EC (self-onboarding checks these with the identity registry)") String documentType,
        @NotBlank @Size(max = 20) String documentNumber,
        @NotBlank @Size(max = 80) String givenNames,
        @NotBlank @Size(max = 160) String surnames,
        @NotBlank @Size(max = 254) String email,
        @NotBlank @Size(max = 20) String phone,
        @Pattern(regexp = "es|en", message = "must be es or en") String language,
        LocalDate birthDate) {
}

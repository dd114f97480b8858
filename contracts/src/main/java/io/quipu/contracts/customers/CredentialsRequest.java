package io.quipu.contracts.customers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Step 3: the login the person chooses and the currency of their first (savings) account. */
public record CredentialsRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,64}", message = "must be 3 to 64 letters, digits, '.', '_' or '-'") String username,
        @NotNull @Size(max = 64) String password,
        @NotNull @Pattern(regexp = "PEN|USD", message = "must be PEN or USD") String accountCurrency) {
}

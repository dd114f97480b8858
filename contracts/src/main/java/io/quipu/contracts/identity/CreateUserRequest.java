package io.quipu.contracts.identity;

import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Creates a login. Customers need {@code customerId} and no roles; staff need at least one role and no customer id.
 * The password must follow the password rules (at least 10 characters, not a common password, not the username);
 * it is stored only as a bcrypt hash.
 */
public record CreateUserRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,64}", message = "must be 3 to 64 letters, digits, '.', '_' or '-'") String username,
        @NotNull @Size(max = 64) String password,
        @NotBlank @Pattern(regexp = "\\+[1-9]\\d{7,14}", message = "must be an E.164 phone number such as +51987654321") String phone,
        @NotNull UserKind kind,
        UUID customerId,
        @Size(max = 4) Set<StaffRole> roles) {
}

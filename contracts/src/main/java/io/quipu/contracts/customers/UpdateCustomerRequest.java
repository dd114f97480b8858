package io.quipu.contracts.customers;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Changes a customer's contact details; an absent field stays as it is. {@code version} is the one read: a change
 * based on an older version gets 409 {@code customer_changed} instead of overwriting someone else's edit.
 */
public record UpdateCustomerRequest(
        @NotNull Long version,
        @Size(max = 254) String email,
        @Size(max = 20) String phone,
        @Size(max = 200) String address,
        @Size(max = 80) String occupation,
        @Pattern(regexp = "es|en", message = "must be es or en") String language) {
}

package io.quipu.contracts.identity;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** A user as other services see it: never a password hash. */
public record UserResponse(
        UUID id,
        String username,
        UserKind kind,
        UUID customerId,
        Set<StaffRole> roles,
        String phone,
        String status,
        Instant createdAt) {
}

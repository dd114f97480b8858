package io.quipu.identity.store;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.quipu.identity.domain.LockoutPolicy;

/** A row of {@code users}. {@code kind} is {@code customer} or {@code staff}; roles are lower case. */
public record UserRecord(UUID id, String username, String kind, UUID customerId, Set<String> roles, String phone,
                         String passwordHash, String status, LockoutPolicy.State lockout, Instant createdAt) {

    public boolean isCustomer() {
        return "customer".equals(kind);
    }

    public boolean isActive() {
        return "active".equals(status);
    }
}

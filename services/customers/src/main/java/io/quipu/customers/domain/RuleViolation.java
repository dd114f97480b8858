package io.quipu.customers.domain;

import java.util.Objects;

/**
 * Why a value breaks one of the bank's rules: a stable machine-readable {@code code} (it becomes the problem detail's
 * {@code code}) and an English message a customer can act on.
 */
public record RuleViolation(String code, String message) {

    public RuleViolation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (!code.matches("[a-z]+(_[a-z]+)*")) {
            throw new IllegalArgumentException("code must be lower_snake_case: " + code);
        }
    }
}

package io.quipu.sandbox.domain;

/** One reason a simulator refuses a request: the request field, a stable code and a message for people. */
public record Violation(String field, String code, String message) {
}

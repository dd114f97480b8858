package io.quipu.platform.web;

/** One invalid field of a request: its JSON path ({@code amount}, {@code items[3].currency}), a code and a message. */
public record FieldProblem(String field, String code, String message) {
}

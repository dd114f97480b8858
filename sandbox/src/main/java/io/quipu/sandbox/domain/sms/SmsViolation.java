package io.quipu.sandbox.domain.sms;

/** One reason an SMS is refused: the request field, a stable code and a message for people. */
public record SmsViolation(String field, String code, String message) {
}

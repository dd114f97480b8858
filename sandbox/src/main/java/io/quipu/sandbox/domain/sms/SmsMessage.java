package io.quipu.sandbox.domain.sms;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A text message accepted by the simulated SMS gateway; {@code sender} is null when the client gave none. */
public record SmsMessage(UUID messageId, String to, String sender, String text, int segments, Instant receivedAt) {

    public SmsMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}

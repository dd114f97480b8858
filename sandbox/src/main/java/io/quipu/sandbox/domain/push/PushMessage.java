package io.quipu.sandbox.domain.push;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** A notification the simulated push provider delivered to a device; {@code data} keeps the client's order, empty when none. */
public record PushMessage(UUID messageId, String token, String title, String body, Map<String, String> data, Instant receivedAt) {

    public PushMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(receivedAt, "receivedAt");
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }
}

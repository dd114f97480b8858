package io.quipu.sandbox.domain.push;

import java.time.Instant;
import java.util.Objects;

/** An app install that obtained a push token from the simulated SDK; {@code label} is null when none was given. */
public record RegisteredDevice(String token, DevicePlatform platform, String label, Instant createdAt) {

    public RegisteredDevice {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}

package io.quipu.sandbox.domain.faults;

import java.util.Locale;
import java.util.Optional;

/** How a provider misbehaves: unavailable, or answering only after a delay. */
public enum FaultMode {
    DOWN,
    SLOW;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FaultMode> ofApiName(String name) {
        for (FaultMode mode : values()) {
            if (mode.apiName().equals(name)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}

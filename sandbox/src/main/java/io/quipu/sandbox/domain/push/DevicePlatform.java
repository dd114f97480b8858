package io.quipu.sandbox.domain.push;

import java.util.Locale;
import java.util.Optional;

/** Where the app that holds a push token runs. */
public enum DevicePlatform {
    ANDROID,
    IOS,
    WEB;

    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DevicePlatform> ofApiName(String name) {
        for (DevicePlatform platform : values()) {
            if (platform.apiName().equals(name)) {
                return Optional.of(platform);
            }
        }
        return Optional.empty();
    }
}

package io.quipu.sandbox.domain.faults;

import java.util.Optional;

/** The simulated providers a fault can be injected into, each reached under its own path prefix. */
public enum Provider {
    REGISTRY("registry"),
    BIOMETRICS("biometrics"),
    SCREENING("screening"),
    ESIGN("esign"),
    CLEARING("clearing"),
    SWIFT("swift"),
    FX("fx"),
    PUSH("push");

    private final String apiName;

    Provider(String apiName) {
        this.apiName = apiName;
    }

    /** The name in paths: {@code /sandbox/faults/registry} and the provider's API under {@code /registry/}. */
    public String apiName() {
        return apiName;
    }

    public String pathPrefix() {
        return "/" + apiName + "/";
    }

    /** Every path of the provider's API, version 1: {@code /registry/v1/**}. */
    public String apiPathPattern() {
        return pathPrefix() + "v1/**";
    }

    /** Every provider's name, for messages: "registry, biometrics, …". */
    public static String apiNames() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Provider::apiName).toList());
    }

    public static Optional<Provider> ofApiName(String name) {
        for (Provider provider : values()) {
            if (provider.apiName.equals(name)) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }

    /** The provider whose API the path is under; empty for the sandbox's own paths. */
    public static Optional<Provider> ofPath(String path) {
        for (Provider provider : values()) {
            if (path.startsWith(provider.pathPrefix())) {
                return Optional.of(provider);
            }
        }
        return Optional.empty();
    }
}

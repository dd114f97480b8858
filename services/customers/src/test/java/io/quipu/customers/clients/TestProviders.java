package io.quipu.customers.clients;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.quipu.customers.SandboxServer;
import io.quipu.platform.clients.ProviderSettings.Backoff;
import io.quipu.platform.clients.ProviderSettings;

import tools.jackson.databind.json.JsonMapper;

/** Provider clients against the test JVM's sandbox, with short limits so that failures are quick to prove. */
final class TestProviders {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration SHORT_WAIT = Duration.ofMillis(20);

    private TestProviders() {
    }

    static ProviderSettings settings(String provider, Duration timeout, int maxAttempts, int circuitBreakerFailures) {
        return new ProviderSettings(provider, SandboxServer.baseUrl(), "sandbox-" + provider + "-key", timeout,
                maxAttempts, SHORT_WAIT, Backoff.LINEAR, circuitBreakerFailures, Duration.ofSeconds(60));
    }

    static IdentityRegistryClient registry() {
        return new IdentityRegistryClient(settings("registry", Duration.ofSeconds(5), 3, 5), JSON);
    }

    static BiometricsClient biometrics() {
        return new BiometricsClient(settings("biometrics", Duration.ofSeconds(5), 2, 5), JSON);
    }

    /** The selfie of the person in the registry photo: its template with a little noise, as a camera would give. */
    static List<Double> matchingSelfie(String photoReference, long seed) {
        Random random = new Random(seed);
        List<Double> selfie = new ArrayList<>();
        for (double value : SandboxServer.template(photoReference)) {
            selfie.add(value + random.nextGaussian() * 0.01);
        }
        return selfie;
    }

    /** Somebody else's face. */
    static List<Double> strangerSelfie(long seed) {
        Random random = new Random(seed);
        List<Double> selfie = new ArrayList<>();
        for (int index = 0; index < BiometricsClient.VECTOR_SIZE; index++) {
            selfie.add(random.nextGaussian());
        }
        return selfie;
    }

    /** How many calls a provider got since its fault was set with {@code remainingCalls}. */
    static int callsSince(String provider, int remainingCallsSet) {
        return SandboxServer.faults().stream()
                .filter(fault -> fault.provider().equals(provider))
                .mapToInt(fault -> remainingCallsSet - fault.remainingCalls())
                .findFirst()
                .orElse(remainingCallsSet);
    }
}

package io.quipu.payments.clients;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.quipu.contracts.fraud.FraudCase;
import io.quipu.contracts.fraud.FraudCheckRequest;
import io.quipu.contracts.fraud.FraudClient;
import io.quipu.contracts.fraud.FraudDecision;
import io.quipu.platform.clients.ProviderUnavailableException;
import io.quipu.platform.clients.ServiceCalls;

/**
 * The fraud service, as the design documents' table says: 5 s per try (the client's timeout), one retry, and a circuit
 * breaker that opens after 10 failures for 120 s. Down, late or open: {@link ProviderUnavailableException}, and the
 * payment follows the "fraud unavailable" rule.
 */
public class FraudChecks {

    private final FraudClient fraud;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;

    public FraudChecks(FraudClient fraud, int circuitBreakerFailures, Duration openDuration) {
        this.fraud = fraud;
        this.retry = Retry.of("fraud", RetryConfig.custom().maxAttempts(2).waitDuration(Duration.ofMillis(100))
                .retryOnException(ProviderUnavailableException.class::isInstance).build());
        this.circuitBreaker = CircuitBreaker.of("fraud", CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(circuitBreakerFailures).minimumNumberOfCalls(circuitBreakerFailures).failureRateThreshold(100)
                .waitDurationInOpenState(openDuration)
                .recordException(ProviderUnavailableException.class::isInstance)
                .build());
    }

    public FraudDecision check(FraudCheckRequest request) {
        return guarded(() -> ServiceCalls.call("fraud", () -> fraud.check(request)));
    }

    public FraudCase fraudCase(UUID caseId) {
        return guarded(() -> ServiceCalls.call("fraud", () -> fraud.fraudCase(caseId)));
    }

    private <T> T guarded(Supplier<T> call) {
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, call)).get();
        } catch (CallNotPermittedException open) {
            throw new ProviderUnavailableException("fraud", "circuit open", open);
        }
    }

    public String circuitBreakerState() {
        return circuitBreaker.getState().name();
    }
}

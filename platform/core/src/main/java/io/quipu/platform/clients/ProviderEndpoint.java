package io.quipu.platform.clients;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One external provider's HTTP API behind a time limit per try, bounded retries and a circuit breaker, shared by every
 * provider client. Failures that may pass (no connection, no answer in time, 5xx, 429) are retried; any other answer,
 * 4xx included, goes back to the client, which knows what it means. The circuit breaker counts tries, not calls:
 * retries against a provider that is down are what it must stop.
 *
 * <p>Nothing of a request or an answer is logged, only the provider, the status and the kind of failure: requests
 * carry document numbers, face features and contracts.
 */
public final class ProviderEndpoint {

    private static final Logger log = LoggerFactory.getLogger(ProviderEndpoint.class);

    /** A provider's answer that is not a passing failure: 2xx, or a 4xx the client maps. */
    public record Answer(int status, byte[] body) {

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }
    }

    private final ProviderSettings settings;
    private final int maxResponseBytes;
    private final JsonMapper json;
    private final HttpClient client;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;

    public ProviderEndpoint(ProviderSettings settings, int maxResponseBytes, JsonMapper json) {
        if (maxResponseBytes < 1) {
            throw new IllegalArgumentException("maxResponseBytes must be positive");
        }
        this.settings = settings;
        this.maxResponseBytes = maxResponseBytes;
        this.json = json;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.retry = Retry.of(settings.provider(), RetryConfig.custom()
                .maxAttempts(settings.maxAttempts())
                .intervalFunction(intervalFunction(settings))
                .retryOnException(PassingFailure.class::isInstance)
                .build());
        retry.getEventPublisher().onRetry(event -> log.warn("{} provider: try {} of {} failed ({}), retrying in {} ms",
                settings.provider(), event.getNumberOfRetryAttempts(), settings.maxAttempts(),
                event.getLastThrowable().getMessage(), event.getWaitInterval().toMillis()));
        this.circuitBreaker = settings.hasCircuitBreaker() ? circuitBreaker(settings) : null;
    }

    /** The circuit breaker's state, such as CLOSED or OPEN; "NONE" for a provider without one. */
    public String circuitBreakerState() {
        return circuitBreaker == null ? "NONE" : circuitBreaker.getState().name();
    }

    public Answer get(String path) {
        return call(request(path).GET().build());
    }

    public Answer postJson(String path, Object body) {
        byte[] bytes = json.writeValueAsBytes(body);
        return call(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                .build());
    }

    /** Reads a JSON answer; fields the provider added since are ignored. */
    public <T> T read(Answer answer, Class<T> type) {
        try {
            return json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(answer.body());
        } catch (JacksonException e) {
            // The message of a Jackson exception may quote the answer: only the type is kept.
            throw new IllegalStateException("the " + settings.provider() + " provider's answer (status " + answer.status()
                    + ") is not the expected " + type.getSimpleName());
        }
    }

    /**
     * An answer the client did not expect: a mistake of ours (a wrong key, an invalid request), never retried. The
     * problem's {@code code} tells which.
     */
    public IllegalStateException unexpected(Answer answer) {
        return new IllegalStateException("the " + settings.provider() + " provider refused the request: status "
                + answer.status() + ", code " + problemCode(answer));
    }

    /** The {@code code} of an RFC 9457 problem answer, or "none" when the answer is not one. */
    public String problemCode(Answer answer) {
        try {
            Problem problem = json.readerFor(Problem.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(answer.body());
            return problem.code() == null || !problem.code().matches("[a-z0-9_]{1,60}") ? "none" : problem.code();
        } catch (JacksonException e) {
            return "none";
        }
    }

    private record Problem(String code) {
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(settings.baseUrl() + path))
                .timeout(settings.timeout())
                .header("Accept", "application/json")
                .header("X-Api-Key", settings.apiKey());
    }

    private Answer call(HttpRequest request) {
        AtomicInteger tries = new AtomicInteger();
        Supplier<Answer> oneTry = () -> {
            tries.incrementAndGet();
            return sendOnce(request);
        };
        if (circuitBreaker != null) {
            oneTry = CircuitBreaker.decorateSupplier(circuitBreaker, oneTry);
        }
        try {
            return Retry.decorateSupplier(retry, oneTry).get();
        } catch (PassingFailure e) {
            throw new ProviderUnavailableException(settings.provider(), e.getMessage() + " (" + tries.get() + " tries)", e);
        } catch (CallNotPermittedException e) {
            throw new ProviderUnavailableException(settings.provider(), "its circuit breaker is open after "
                    + settings.circuitBreakerFailures() + " failures (" + tries.get() + " tries in this call)", e);
        }
    }

    private Answer sendOnce(HttpRequest request) {
        CompletableFuture<HttpResponse<byte[]>> exchange =
                client.sendAsync(request, responseInfo -> new BoundedBody(maxResponseBytes));
        HttpResponse<byte[]> response;
        try {
            // The whole exchange has the time limit: the request's own timeout stops at the headers.
            response = exchange.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new PassingFailure("no answer within " + settings.timeout().toMillis() + " ms", e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException(settings.provider(), "interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ResponseTooLargeException) {
                throw new IllegalStateException("the " + settings.provider() + " provider's answer is larger than "
                        + maxResponseBytes + " bytes");
            }
            if (cause instanceof HttpTimeoutException) {
                // The client's own connect or request timeout fired first (a busy machine): the same "no answer".
                throw new PassingFailure("no answer within " + settings.timeout().toMillis() + " ms", cause);
            }
            if (cause instanceof IOException) {
                throw new PassingFailure(cause.getClass().getSimpleName(), cause);
            }
            throw new IllegalStateException("calling the " + settings.provider() + " provider failed", cause);
        }
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw new PassingFailure("status " + status, null);
        }
        return new Answer(status, response.body());
    }

    private static IntervalFunction intervalFunction(ProviderSettings settings) {
        long waitMillis = settings.retryWait().toMillis();
        return switch (settings.backoff()) {
            case LINEAR -> IntervalFunction.of(waitMillis, previousMillis -> previousMillis + waitMillis);
            case EXPONENTIAL -> IntervalFunction.ofExponentialBackoff(waitMillis, 2.0);
        };
    }

    private static CircuitBreaker circuitBreaker(ProviderSettings settings) {
        // A window of N tries that must all fail: the circuit opens after N failures in a row.
        CircuitBreaker breaker = CircuitBreaker.of(settings.provider(), CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.circuitBreakerFailures())
                .minimumNumberOfCalls(settings.circuitBreakerFailures())
                .failureRateThreshold(100)
                .waitDurationInOpenState(settings.circuitBreakerOpenDuration())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordException(PassingFailure.class::isInstance)
                .build());
        breaker.getEventPublisher().onStateTransition(event -> log.warn("{} provider: circuit breaker {}",
                settings.provider(), event.getStateTransition()));
        return breaker;
    }

    /** A failure that may pass: worth another try. Without a stack trace: it is expected and only its message is used. */
    private static final class PassingFailure extends RuntimeException {

        PassingFailure(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    private static final class ResponseTooLargeException extends IOException {

        ResponseTooLargeException(int maxBytes) {
            super("the answer is larger than " + maxBytes + " bytes");
        }
    }

    /** Collects an answer's body up to a limit, and gives up beyond it rather than fill the memory. */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final int maxBytes;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private Flow.Subscription subscription;

        BoundedBody(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                if ((long) buffer.size() + item.remaining() > maxBytes) {
                    subscription.cancel();
                    body.completeExceptionally(new ResponseTooLargeException(maxBytes));
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                buffer.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            body.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            body.complete(buffer.toByteArray());
        }
    }
}

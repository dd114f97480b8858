package io.quipu.platform.events;

import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Carries a trace across the outbox: the traceparent of the request that wrote an event is stored with it, and the
 * relay sends the event inside a span of that trace, so Kafka's instrumentation puts that trace on the record and the
 * consumer continues it.
 */
public final class TracePropagation {

    private static final Propagator.Getter<Map<String, String>> GETTER = (carrier, key) -> carrier.get(key);
    private final Tracer tracer;
    private final Propagator propagator;

    public TracePropagation(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** No tracing on the class path or in the context: events still go out, without a trace. */
    public static TracePropagation none() {
        return new TracePropagation(null, null);
    }

    /** The current span as a W3C traceparent, or null outside any trace. */
    public String currentTraceparent() {
        Span span = tracer == null ? null : tracer.currentSpan();
        if (span == null) {
            return null;
        }
        return "00-" + span.context().traceId() + "-" + span.context().spanId() + "-"
                + (Boolean.TRUE.equals(span.context().sampled()) ? "01" : "00");
    }

    public <T> T inTraceOf(String traceparent, Supplier<T> work) {
        if (traceparent == null || tracer == null || propagator == null) {
            return work.get();
        }
        Span span = propagator.extract(Map.of("traceparent", traceparent), GETTER).name("outbox relay").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } finally {
            span.end();
        }
    }
}

package io.quipu.notifications.application;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open Server-Sent Events streams, per customer. Bounded: at most {@code maxPerCustomer} per customer (a new tab
 * closes that customer's oldest stream rather than being refused) and {@code maxTotal} in all (beyond, 503). A comment
 * every heartbeat keeps proxies from closing an idle stream and finds dead ones. Nothing survives a restart: the
 * browser reconnects and the inbox has everything.
 */
public class LiveStreams {

    public static final int MAX_PER_CUSTOMER_LIMIT = 20;
    public static final int MAX_TOTAL_LIMIT = 100_000;

    private final int maxPerCustomer;
    private final int maxTotal;
    private final Duration streamTimeout;
    private final Map<UUID, Deque<SseEmitter>> byCustomer = new HashMap<>();
    private int total;

    public LiveStreams(int maxPerCustomer, int maxTotal, Duration streamTimeout) {
        if (maxPerCustomer < 1 || maxPerCustomer > MAX_PER_CUSTOMER_LIMIT) {
            throw new IllegalArgumentException("streams per customer must be 1 to " + MAX_PER_CUSTOMER_LIMIT);
        }
        if (maxTotal < 1 || maxTotal > MAX_TOTAL_LIMIT) {
            throw new IllegalArgumentException("streams in all must be 1 to " + MAX_TOTAL_LIMIT);
        }
        if (streamTimeout.toSeconds() < 1 || streamTimeout.compareTo(Duration.ofHours(2)) > 0) {
            throw new IllegalArgumentException("the stream timeout must be 1 s to 2 h");
        }
        this.maxPerCustomer = maxPerCustomer;
        this.maxTotal = maxTotal;
        this.streamTimeout = streamTimeout;
    }

    /** A new stream for the customer, already holding a first comment so the caller sees it open at once. */
    public SseEmitter open(UUID customerId) {
        SseEmitter emitter = new SseEmitter(streamTimeout.toMillis());
        SseEmitter evicted = null;
        synchronized (this) {
            Deque<SseEmitter> streams = byCustomer.computeIfAbsent(customerId, id -> new ArrayDeque<>());
            if (streams.size() >= maxPerCustomer) {
                evicted = streams.pollFirst();
                total--;
            } else if (total >= maxTotal) {
                if (streams.isEmpty()) {
                    byCustomer.remove(customerId);
                }
                throw NotificationProblems.tooManyStreams();
            }
            streams.addLast(emitter);
            total++;
        }
        if (evicted != null) {
            evicted.complete();
        }
        emitter.onCompletion(() -> remove(customerId, emitter));
        emitter.onTimeout(() -> {
            remove(customerId, emitter);
            emitter.complete();
        });
        emitter.onError(failure -> remove(customerId, emitter));
        send(customerId, emitter, SseEmitter.event().comment("connected"));
        return emitter;
    }

    /** Sends to every open stream of the customer; returns on how many it went out. */
    public int publish(UUID customerId, String eventId, Object data) {
        int delivered = 0;
        for (SseEmitter emitter : streamsOf(customerId)) {
            if (send(customerId, emitter, SseEmitter.event().id(eventId).name("notification")
                    .data(data, MediaType.APPLICATION_JSON))) {
                delivered++;
            }
        }
        return delivered;
    }

    /** A comment on every open stream; streams that cannot take it are dropped. */
    public void heartbeat() {
        Map<UUID, List<SseEmitter>> snapshot = new HashMap<>();
        synchronized (this) {
            byCustomer.forEach((customer, streams) -> snapshot.put(customer, new ArrayList<>(streams)));
        }
        snapshot.forEach((customer, streams) -> streams.forEach(
                emitter -> send(customer, emitter, SseEmitter.event().comment("heartbeat"))));
    }

    public synchronized int openStreams() {
        return total;
    }

    private synchronized List<SseEmitter> streamsOf(UUID customerId) {
        Deque<SseEmitter> streams = byCustomer.get(customerId);
        return streams == null ? List.of() : new ArrayList<>(streams);
    }

    private boolean send(UUID customerId, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
            return true;
        } catch (IOException | IllegalStateException e) {
            // The browser went away or the stream was already completed.
            remove(customerId, emitter);
            try {
                emitter.completeWithError(e);
            } catch (IllegalStateException alreadyCompleted) {
                // nothing left to close
            }
            return false;
        }
    }

    private synchronized void remove(UUID customerId, SseEmitter emitter) {
        Deque<SseEmitter> streams = byCustomer.get(customerId);
        if (streams != null && streams.remove(emitter)) {
            total--;
            if (streams.isEmpty()) {
                byCustomer.remove(customerId);
            }
        }
    }
}

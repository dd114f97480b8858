package io.quipu.platform.events;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.quipu.platform.id.Ids;

/**
 * The transactional outbox: an event is written in the same database transaction as the state change it announces,
 * so both commit or neither does. {@link OutboxRelay} publishes it to Kafka afterwards.
 */
public class Outbox {

    /** Bound on events appended by one call; a ledger batch announces at most this many transfers at once. */
    public static final int MAX_EVENTS_PER_APPEND = 10_000;

    private final JdbcClient jdbc;
    private final CloudEventCodec codec;
    private final Supplier<String> traceparent;
    private final Runnable committed;

    public Outbox(JdbcClient jdbc, CloudEventCodec codec, Supplier<String> traceparent, Runnable committed) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.traceparent = traceparent;
        this.committed = committed;
    }

    /** One event to append: Kafka topic, key (the aggregate id: one aggregate's events stay in order), type, payload. */
    public record PendingEvent(String topic, String key, String type, Object data) {
    }

    /** Appends one event to the current transaction and returns its id. */
    public UUID append(String topic, String key, String type, Object data) {
        return appendAll(List.of(new PendingEvent(topic, key, type, data))).get(0);
    }

    public List<UUID> appendAll(List<PendingEvent> events) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.append needs the transaction of the state change it announces");
        }
        if (events.size() > MAX_EVENTS_PER_APPEND) {
            throw new IllegalArgumentException("at most " + MAX_EVENTS_PER_APPEND + " events per append");
        }
        String currentTrace = traceparent.get();
        List<UUID> ids = new ArrayList<>(events.size());
        for (PendingEvent pending : events) {
            UUID id = Ids.newId();
            byte[] event = codec.encode(id, pending.type(), pending.key(), pending.data(), currentTrace);
            jdbc.sql("""
                            insert into platform.outbox_events (event_id, topic, event_key, cloud_event, traceparent)
                            values (:id, :topic, :key, :event, :traceparent)""")
                    .param("id", id).param("topic", pending.topic()).param("key", pending.key())
                    .param("event", event).param("traceparent", currentTrace)
                    .update();
            ids.add(id);
        }
        registerWakeUp();
        return ids;
    }

    private void registerWakeUp() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    committed.run();
                }
            });
        }
    }
}

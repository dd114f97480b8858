package io.quipu.platform.events;

import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Idempotent consumption: the event id is remembered in the same transaction as the handler's effects, so an event
 * delivered again (Kafka redelivery, outbox resend after a crash) is skipped, and a handler that fails leaves no trace.
 */
public class EventInbox {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final CloudEventCodec codec;

    public EventInbox(JdbcClient jdbc, TransactionTemplate transactions, CloudEventCodec codec) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.codec = codec;
    }

    /**
     * Runs {@code handler} once per event id and consumer group.
     *
     * @return true if the handler ran, false if the event had been processed before
     * @throws PoisonEventException when the record is not a CloudEvent (the error handler sends it to the DLT)
     */
    public boolean process(String consumerGroup, ConsumerRecord<String, byte[]> record, Consumer<ReceivedEvent> handler) {
        ReceivedEvent event = codec.deserialize(record.value());
        Boolean handled = transactions.execute(status -> {
            int inserted = jdbc.sql("""
                            insert into platform.processed_events (consumer_group, event_id) values (:group, :id)
                            on conflict do nothing""")
                    .param("group", consumerGroup).param("id", event.id())
                    .update();
            if (inserted == 0) {
                return false;
            }
            handler.accept(event);
            return true;
        });
        return Boolean.TRUE.equals(handled);
    }
}

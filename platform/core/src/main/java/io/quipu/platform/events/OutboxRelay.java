package io.quipu.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows to Kafka in commit order and deletes them once Kafka acknowledged them ({@code acks=all}).
 *
 * <p>One relay at a time per database holds a transaction-scoped advisory lock, so several instances of a service
 * never interleave their sends. If Kafka is down the rows simply stay: nothing is lost, and the relay retries with
 * backoff. A crash between Kafka's acknowledgement and the delete resends those events; consumers de-duplicate by
 * event id ({@link EventInbox}), so no duplicate is visible to them.
 */
public class OutboxRelay extends PublishingLoop {

    /** Arbitrary constant: the advisory lock that elects the single relaying instance. */
    private static final long RELAY_LOCK_ID = 0x7175697075L;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaOperations<String, byte[]> kafka;
    private final TracePropagation tracing;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaOperations<String, byte[]> kafka,
                       int batchSize, Duration idlePoll, Duration sendTimeout, TracePropagation tracing) {
        super("outbox-relay", batchSize, idlePoll, sendTimeout);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.tracing = tracing;
    }

    /** Publishes up to one batch; returns how many events left the outbox. */
    @Override
    public int publishBatch() {
        Integer relayed = transactions.execute(status -> {
            Boolean leader = jdbc.sql("select pg_try_advisory_xact_lock(:id)").param("id", RELAY_LOCK_ID)
                    .query(Boolean.class).single();
            if (!Boolean.TRUE.equals(leader)) {
                return 0;
            }
            List<OutboxRow> rows = jdbc.sql("""
                            select position, topic, event_key, cloud_event, traceparent
                            from platform.outbox_events order by position limit :batch""")
                    .param("batch", batchSize())
                    .query((row, number) -> new OutboxRow(row.getLong(1), row.getString(2), row.getString(3),
                            row.getBytes(4), row.getString(5)))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            send(rows);
            Long[] positions = rows.stream().map(OutboxRow::position).toArray(Long[]::new);
            jdbc.sql("delete from platform.outbox_events where position = any(:positions)")
                    .param("positions", positions)
                    .update();
            return rows.size();
        });
        return relayed == null ? 0 : relayed;
    }

    private void send(List<OutboxRow> rows) {
        List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.key(), row.cloudEvent());
            record.headers().add(new RecordHeader("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
            // The send joins the trace of the request that made the change, not the relay's own.
            sends.add(tracing.inTraceOf(row.traceparent(), () -> kafka.send(record)));
        }
        awaitAcknowledgements(sends);
    }

    private record OutboxRow(long position, String topic, String key, byte[] cloudEvent, String traceparent) {
    }
}

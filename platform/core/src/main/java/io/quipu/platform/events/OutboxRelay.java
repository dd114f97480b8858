package io.quipu.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
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
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Arbitrary constant: the advisory lock that elects the single relaying instance. */
    private static final long RELAY_LOCK_ID = 0x7175697075L;
    private static final long MAX_BACKOFF_MILLIS = 10_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaOperations<String, byte[]> kafka;
    private final int batchSize;
    private final Duration idlePoll;
    private final Duration sendTimeout;
    private final TracePropagation tracing;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(JdbcClient jdbc, TransactionTemplate transactions, KafkaOperations<String, byte[]> kafka,
                       int batchSize, Duration idlePoll, Duration sendTimeout, TracePropagation tracing) {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batchSize must be between 1 and 10000");
        }
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.batchSize = batchSize;
        this.idlePoll = idlePoll;
        this.sendTimeout = sendTimeout;
        this.tracing = tracing;
    }

    /** Called after a transaction with events commits: relay now instead of at the next poll. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(sendTimeout.toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop after the web server (phase MAX - 1024 ... ) has drained, so the last requests' events still go out. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }

    private void loop() {
        long backoffMillis = 100;
        while (running) {
            try {
                int relayed = relayBatch();
                backoffMillis = 100;
                if (relayed < batchSize) {
                    wakeUps.tryAcquire(idlePoll.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("outbox relay could not publish, retrying in {} ms: {}", backoffMillis, e.toString());
                try {
                    Thread.sleep(backoffMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    /** Publishes up to one batch; returns how many events left the outbox. Visible for tests. */
    public int relayBatch() {
        Integer relayed = transactions.execute(status -> {
            Boolean leader = jdbc.sql("select pg_try_advisory_xact_lock(:id)").param("id", RELAY_LOCK_ID)
                    .query(Boolean.class).single();
            if (!Boolean.TRUE.equals(leader)) {
                return 0;
            }
            List<OutboxRow> rows = jdbc.sql("""
                            select position, topic, event_key, cloud_event, traceparent
                            from platform.outbox_events order by position limit :batch""")
                    .param("batch", batchSize)
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
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing", e);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge " + rows.size() + " events", e);
        }
    }

    private record OutboxRow(long position, String topic, String key, byte[] cloudEvent, String traceparent) {
    }
}

package io.quipu.ledger.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.support.TransactionTemplate;

import io.quipu.contracts.events.Topics;
import io.quipu.contracts.ledger.LedgerContracts;
import io.quipu.contracts.ledger.TransferEvent;
import io.quipu.ledger.domain.Transfer;
import io.quipu.ledger.domain.TransferFlags;
import io.quipu.platform.events.CloudEventCodec;
import io.quipu.platform.events.PublishingLoop;
import io.quipu.platform.money.Money;

/**
 * Publishes every transfer to topic {@code transfers} by tailing the append-only transfers table: no second write per
 * transfer. The ledger's timestamps follow commit order (batches serialise on the ledger clock), so "everything after
 * the last published timestamp" is a commit-safe watermark. The watermark is saved after Kafka acknowledged the
 * events; a crash in between re-publishes them with the same event ids, which consumers skip.
 *
 * <p>One event per account side, keyed by that account, so an account's events are in the order its balance changed.
 */
public class TransferEventPublisher extends PublishingLoop {

    private static final long PUBLISHER_LOCK_ID = 0x6c6564676572L;
    private static final int BATCH_SIZE = 2000;
    private static final Duration IDLE_POLL = Duration.ofMillis(200);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final KafkaOperations<String, byte[]> kafka;
    private final CloudEventCodec codec;

    /**
     * @param gatherDelay how long to let events gather after a partial batch. Under a stream of single transfers each
     *                    commit holds a few; publishing each commit's at once cost a database transaction (with its
     *                    WAL flush) and a Kafka request per partition every few milliseconds (docs/performance.md).
     */
    public TransferEventPublisher(JdbcClient jdbc, TransactionTemplate transactions, KafkaOperations<String, byte[]> kafka,
                                  CloudEventCodec codec, Duration sendTimeout, Duration gatherDelay) {
        super("ledger-event-publisher", BATCH_SIZE, IDLE_POLL, sendTimeout, gatherDelay);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.kafka = kafka;
        this.codec = codec;
    }

    /** The same transfer and side always give the same event id. */
    public static UUID eventId(UUID transferId, String direction) {
        return UUID.nameUUIDFromBytes((transferId + ":" + direction).getBytes(StandardCharsets.UTF_8));
    }

    private record Row(Transfer transfer, UUID debitCustomerId, UUID creditCustomerId, String debitAccountNumber,
                       String creditAccountNumber, Instant createdAt) {
    }

    /** Publishes the transfers after the watermark, at most one batch; returns how many. */
    @Override
    public int publishBatch() {
        Integer published = transactions.execute(status -> {
            Boolean leader = jdbc.sql("select pg_try_advisory_xact_lock(:id)").param("id", PUBLISHER_LOCK_ID)
                    .query(Boolean.class).single();
            if (!Boolean.TRUE.equals(leader)) {
                return 0;
            }
            long watermark = jdbc.sql("select last_timestamp from event_cursor for update").query(Long.class).single();
            List<Row> rows = jdbc.sql("""
                            select t.id, t.debit_account_id, t.credit_account_id, t.amount, t.currency, t.code, t.flags,
                                   t.pending_id, t.timeout_seconds, t.metadata::text as metadata, t.timestamp,
                                   t.debit_posted_after, t.debit_available_after, t.credit_posted_after, t.credit_available_after,
                                   d.customer_id as debit_customer_id, c.customer_id as credit_customer_id,
                                   d.account_number as debit_account_number, c.account_number as credit_account_number
                            from transfers t
                            join accounts d on d.id = t.debit_account_id
                            join accounts c on c.id = t.credit_account_id
                            where t.timestamp > :watermark order by t.timestamp limit :limit""")
                    .param("watermark", watermark).param("limit", BATCH_SIZE)
                    .query((row, number) -> new Row(io.quipu.ledger.store.TransferRows.transfer(row),
                            row.getObject("debit_customer_id", UUID.class), row.getObject("credit_customer_id", UUID.class),
                            row.getString("debit_account_number"), row.getString("credit_account_number"),
                            Instant.EPOCH.plus(row.getLong("timestamp"), java.time.temporal.ChronoUnit.MICROS)))
                    .list();
            if (rows.isEmpty()) {
                return 0;
            }
            send(rows);
            jdbc.sql("update event_cursor set last_timestamp = :last")
                    .param("last", rows.get(rows.size() - 1).transfer().timestamp()).update();
            return rows.size();
        });
        return published == null ? 0 : published;
    }

    private void send(List<Row> rows) {
        List<CompletableFuture<?>> sends = new ArrayList<>(rows.size() * 2);
        for (Row row : rows) {
            Transfer transfer = row.transfer();
            sends.add(send(transfer, "debit", transfer.debitAccountId(), row.debitAccountNumber(), row.debitCustomerId(),
                    transfer.creditAccountId(), transfer.debitPostedAfter(), transfer.debitAvailableAfter(), row.createdAt()));
            sends.add(send(transfer, "credit", transfer.creditAccountId(), row.creditAccountNumber(), row.creditCustomerId(),
                    transfer.debitAccountId(), transfer.creditPostedAfter(), transfer.creditAvailableAfter(), row.createdAt()));
        }
        awaitAcknowledgements(sends);
    }

    private CompletableFuture<?> send(Transfer transfer, String direction, UUID accountId, String accountNumber, UUID customerId,
                                      UUID counterpartyId, long postedAfter, long availableAfter, Instant createdAt) {
        String kind = TransferFlags.kind(transfer.flags());
        TransferEvent payload = new TransferEvent(transfer.id(), kind, accountId, customerId, direction, counterpartyId,
                Money.ofMinor(transfer.amount(), transfer.currency()), transfer.code(), transfer.pendingId(),
                transfer.timestamp(), createdAt, Money.ofMinor(postedAfter, transfer.currency()),
                Money.ofMinor(availableAfter, transfer.currency()), accountNumber);
        byte[] event = codec.serialize(codec.create(eventId(transfer.id(), direction), LedgerContracts.EVENT_TYPE_PREFIX + kind,
                accountId.toString(), payload, null));
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TRANSFERS, accountId.toString(), event);
        record.headers().add(new RecordHeader("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
        return kafka.send(record);
    }
}

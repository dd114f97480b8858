package io.quipu.ledger.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import io.quipu.ledger.store.LedgerStore;
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

    /** Enough for every account of a bank of this size to stay cached; a miss costs one indexed read. */
    private static final int MAX_CACHED_HOLDERS = 200_000;

    private final JdbcClient jdbc;
    private final LedgerStore store;
    private final Cache<UUID, LedgerStore.AccountHolder> holderCache =
            Caffeine.newBuilder().maximumSize(MAX_CACHED_HOLDERS).build();
    private final TransactionTemplate transactions;
    private final KafkaOperations<String, byte[]> kafka;
    private final CloudEventCodec codec;

    /**
     * @param gatherDelay how long to let events gather after a partial batch. Under a stream of single transfers each
     *                    commit holds a few; publishing each commit's at once cost a database transaction (with its
     *                    WAL flush) and a Kafka request per partition every few milliseconds (docs/performance.md).
     */
    public TransferEventPublisher(JdbcClient jdbc, LedgerStore store, TransactionTemplate transactions,
                                  KafkaOperations<String, byte[]> kafka, CloudEventCodec codec, Duration sendTimeout,
                                  Duration gatherDelay) {
        super("ledger-event-publisher", BATCH_SIZE, IDLE_POLL, sendTimeout, gatherDelay);
        this.jdbc = jdbc;
        this.store = store;
        this.transactions = transactions;
        this.kafka = kafka;
        this.codec = codec;
    }

    /** The same transfer and side always give the same event id. */
    public static UUID eventId(UUID transferId, String direction) {
        return UUID.nameUUIDFromBytes((transferId + ":" + direction).getBytes(StandardCharsets.UTF_8));
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
            List<Transfer> transfers = store.transfersAfter(watermark, BATCH_SIZE);
            if (transfers.isEmpty()) {
                return 0;
            }
            send(transfers, holders(transfers));
            jdbc.sql("update event_cursor set last_timestamp = :last")
                    .param("last", transfers.get(transfers.size() - 1).timestamp()).update();
            return transfers.size();
        });
        return published == null ? 0 : published;
    }

    /**
     * The holders of the transfers' accounts, from the cache, the rest in one query. Joining the accounts table in the
     * tail query instead cost PostgreSQL more than any statement of the writer (docs/performance.md).
     */
    private Map<UUID, LedgerStore.AccountHolder> holders(List<Transfer> transfers) {
        Set<UUID> accountIds = new HashSet<>();
        for (Transfer transfer : transfers) {
            accountIds.add(transfer.debitAccountId());
            accountIds.add(transfer.creditAccountId());
        }
        Map<UUID, LedgerStore.AccountHolder> holders = holderCache.getAll(accountIds, store::accountHolders);
        if (holders.size() != accountIds.size()) {
            // The writer locks both accounts of every transfer it writes, so they exist.
            throw new IllegalStateException("transfers name accounts that are not in the accounts table");
        }
        return holders;
    }

    private void send(List<Transfer> transfers, Map<UUID, LedgerStore.AccountHolder> holders) {
        List<CompletableFuture<?>> sends = new ArrayList<>(transfers.size() * 2);
        for (Transfer transfer : transfers) {
            LedgerStore.AccountHolder debit = holders.get(transfer.debitAccountId());
            LedgerStore.AccountHolder credit = holders.get(transfer.creditAccountId());
            sends.add(send(transfer, "debit", transfer.debitAccountId(), debit.accountNumber(), debit.customerId(),
                    transfer.creditAccountId(), transfer.debitPostedAfter(), transfer.debitAvailableAfter(), transfer.appliedAt()));
            sends.add(send(transfer, "credit", transfer.creditAccountId(), credit.accountNumber(), credit.customerId(),
                    transfer.debitAccountId(), transfer.creditPostedAfter(), transfer.creditAvailableAfter(), transfer.appliedAt()));
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
        byte[] event = codec.encode(eventId(transfer.id(), direction), LedgerContracts.EVENT_TYPE_PREFIX + kind,
                accountId.toString(), payload, null);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TRANSFERS, accountId.toString(), event);
        record.headers().add(new RecordHeader("content-type", CloudEventCodec.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8)));
        return kafka.send(record);
    }
}

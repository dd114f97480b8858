package io.quipu.audit.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.quipu.audit.domain.ChainLink;
import io.quipu.audit.domain.HashChain;

/**
 * The append-only table {@code audit_events}. Every method runs inside a {@link WriterTransactions} transaction, as
 * the role that may only INSERT and SELECT; there is no update or delete here, and the role could not run one.
 */
@Repository
public class AuditEventStore {

    /** Upper bound of any page of events. */
    public static final int MAX_PAGE_SIZE = 100;
    /** Upper bound of a batch of the verification walk. */
    public static final int MAX_CHAIN_BATCH_SIZE = 10_000;
    /**
     * Key of the transaction-scoped advisory lock that serialises appends: the next sequence and the previous hash are
     * read and the row inserted while it is held, so the chain has no gaps and no forks. Any fixed number would do.
     */
    static final long CHAIN_LOCK_KEY = 0x4155_4449_5443_4841L;

    private final JdbcClient jdbc;

    public AuditEventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends the event as the next link of the chain, unless this Kafka record (topic, partition, offset and the same
     * bytes) is already recorded: that is how a record that is not a CloudEvent, which has no event id for the inbox,
     * is kept once. Returns the new row's sequence, or empty when it was recorded before.
     */
    public Optional<Long> append(NewAuditEvent event) {
        requireTransaction();
        String contentSha256 = HashChain.contentSha256(event.content()); // before the lock: hold it as briefly as can be
        jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", CHAIN_LOCK_KEY).query((row, number) -> 1).list();
        boolean recordedBefore = jdbc.sql("""
                        select exists (select 1 from audit_events
                                       where topic = :topic and kafka_partition = :partition and kafka_offset = :offset
                                         and content_sha256 = :contentSha256)""")
                .param("topic", event.topic()).param("partition", event.partition()).param("offset", event.offset())
                .param("contentSha256", contentSha256)
                .query(Boolean.class).single();
        if (recordedBefore) {
            return Optional.empty();
        }
        ChainHead head = head();
        long sequence = Math.addExact(head.sequence(), 1);
        String hash = HashChain.link(sequence, contentSha256, head.hash());
        jdbc.sql("""
                        insert into audit_events (sequence, event_id, topic, kafka_partition, kafka_offset, type, source,
                            subject, aggregate_key, occurred_at, recorded_at, content, content_sha256, previous_hash, hash)
                        values (:sequence, :eventId, :topic, :partition, :offset, :type, :source, :subject, :aggregateKey,
                            :occurredAt, :recordedAt, :content, :contentSha256, :previousHash, :hash)""")
                .param("sequence", sequence)
                .param("eventId", event.eventId())
                .param("topic", event.topic())
                .param("partition", event.partition())
                .param("offset", event.offset())
                .param("type", event.type())
                .param("source", event.source())
                .param("subject", event.subject())
                .param("aggregateKey", event.aggregateKey())
                .param("occurredAt", event.occurredAt() == null ? null : Timestamp.from(event.occurredAt()))
                .param("recordedAt", Timestamp.from(event.recordedAt()))
                .param("content", event.content())
                .param("contentSha256", contentSha256)
                .param("previousHash", head.hash())
                .param("hash", hash)
                .update();
        return Optional.of(sequence);
    }

    /** The last row's sequence and hash; {@link ChainHead#EMPTY} when nothing is recorded yet. */
    public ChainHead head() {
        requireTransaction();
        return jdbc.sql("select sequence, hash from audit_events order by sequence desc limit 1")
                .query((row, number) -> new ChainHead(row.getLong("sequence"), row.getString("hash")))
                .optional().orElse(ChainHead.EMPTY);
    }

    public long countUpTo(long sequence) {
        requireTransaction();
        return jdbc.sql("select count(*) from audit_events where sequence <= :sequence")
                .param("sequence", sequence).query(Long.class).single();
    }

    /** Newest first: the events matching the filter with a sequence below {@code beforeSequence} (null: from the newest). */
    public List<AuditEventRow> page(AuditEventFilter filter, Long beforeSequence, int limit) {
        requireTransaction();
        if (limit < 1 || limit > MAX_PAGE_SIZE + 1) {
            throw new IllegalArgumentException("limit must be 1 to " + (MAX_PAGE_SIZE + 1) + ": " + limit);
        }
        return jdbc.sql("""
                        select * from audit_events
                        where (cast(:aggregateId as text) is null or aggregate_key = :aggregateId or subject = :aggregateId)
                          and (cast(:type as text) is null or type = :type)
                          and (cast(:from as timestamptz) is null or occurred_at >= :from)
                          and (cast(:to as timestamptz) is null or occurred_at < :to)
                          and (cast(:before as bigint) is null or sequence < :before)
                        order by sequence desc
                        limit :limit""")
                .param("aggregateId", filter.aggregateId())
                .param("type", filter.type())
                .param("from", timestamp(filter.from()))
                .param("to", timestamp(filter.to()))
                .param("before", beforeSequence)
                .param("limit", limit)
                .query(this::map).list();
    }

    /**
     * Up to {@code limit} links after {@code afterSequence} up to {@code upToSequence}, in order, with their content
     * hashed again by PostgreSQL: only hashes leave the database, so a batch's memory does not depend on event sizes.
     */
    public List<ChainLink> links(long afterSequence, long upToSequence, int limit) {
        requireTransaction();
        if (limit < 1 || limit > MAX_CHAIN_BATCH_SIZE) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_CHAIN_BATCH_SIZE + ": " + limit);
        }
        return jdbc.sql("""
                        select sequence, encode(sha256(content), 'hex') as recomputed_content_sha256, content_sha256,
                            previous_hash, hash
                        from audit_events
                        where sequence > :after and sequence <= :upTo
                        order by sequence
                        limit :limit""")
                .param("after", afterSequence).param("upTo", upToSequence).param("limit", limit)
                .query((row, number) -> new ChainLink(row.getLong("sequence"), row.getString("recomputed_content_sha256"),
                        row.getString("content_sha256"), row.getString("previous_hash"), row.getString("hash")))
                .list();
    }

    /** The hashes of the rows at these sequences; a sequence with no row is missing from the answer. */
    public Map<Long, String> hashesAt(Collection<Long> sequences) {
        requireTransaction();
        if (sequences.isEmpty()) {
            return Map.of();
        }
        if (sequences.size() > MAX_CHAIN_BATCH_SIZE) {
            throw new IllegalArgumentException("at most " + MAX_CHAIN_BATCH_SIZE + " sequences at once: " + sequences.size());
        }
        return jdbc.sql("select sequence, hash from audit_events where sequence in (:sequences)")
                .param("sequences", List.copyOf(sequences))
                .query((row, number) -> Map.entry(row.getLong("sequence"), row.getString("hash")))
                .list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private AuditEventRow map(ResultSet row, int number) throws SQLException {
        Timestamp occurredAt = row.getTimestamp("occurred_at");
        return new AuditEventRow(
                row.getLong("sequence"),
                row.getString("event_id"),
                row.getString("topic"),
                row.getInt("kafka_partition"),
                row.getLong("kafka_offset"),
                row.getString("type"),
                row.getString("source"),
                row.getString("subject"),
                row.getString("aggregate_key"),
                occurredAt == null ? null : occurredAt.toInstant(),
                row.getTimestamp("recorded_at").toInstant(),
                row.getBytes("content"),
                row.getString("content_sha256"),
                row.getString("previous_hash"),
                row.getString("hash"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("audit tables are used only inside WriterTransactions; this is a bug");
        }
    }
}

package io.quipu.audit.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.quipu.audit.domain.HashChain;

/** The anchors ({@code audit_anchors}), append-only like the events; used inside {@link WriterTransactions}. */
@Repository
public class AnchorStore {

    /** Upper bound of any page of anchors. */
    public static final int MAX_PAGE_SIZE = 100;

    private final JdbcClient jdbc;

    public AnchorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Anchor anchor) {
        AuditEventStore.requireTransaction();
        jdbc.sql("""
                        insert into audit_anchors (id, anchored_on, last_sequence, last_hash, event_count, created_at)
                        values (:id, :anchoredOn, :lastSequence, :lastHash, :eventCount, :createdAt)""")
                .param("id", anchor.id())
                .param("anchoredOn", anchor.anchoredOn())
                .param("lastSequence", anchor.lastSequence())
                .param("lastHash", anchor.lastHash())
                .param("eventCount", anchor.eventCount())
                .param("createdAt", Timestamp.from(anchor.createdAt()))
                .update();
    }

    /** The newest anchors first. */
    public List<Anchor> newest(int limit) {
        AuditEventStore.requireTransaction();
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_PAGE_SIZE + ": " + limit);
        }
        return jdbc.sql("select * from audit_anchors order by created_at desc, id desc limit :limit")
                .param("limit", limit).query(this::map).list();
    }

    /**
     * The lowest sequence of an anchor that the chain no longer matches: the row at the anchor's sequence is gone or has
     * another hash. One row at most leaves the database, however many anchors there are.
     */
    public Optional<Long> firstMismatchedSequence() {
        AuditEventStore.requireTransaction();
        return jdbc.sql("""
                        select a.last_sequence
                        from audit_anchors a
                        left join audit_events e on e.sequence = a.last_sequence
                        where case when a.last_sequence = 0 then a.last_hash <> :genesis
                                   else e.hash is distinct from a.last_hash end
                        order by a.last_sequence
                        limit 1""")
                .param("genesis", HashChain.GENESIS_HASH)
                .query(Long.class).optional();
    }

    private Anchor map(ResultSet row, int number) throws SQLException {
        return new Anchor(
                row.getObject("id", java.util.UUID.class),
                row.getObject("anchored_on", java.time.LocalDate.class),
                row.getLong("last_sequence"),
                row.getString("last_hash"),
                row.getLong("event_count"),
                row.getTimestamp("created_at").toInstant());
    }
}

package io.quipu.notifications.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.quipu.notifications.domain.Channel;
import io.quipu.platform.id.Ids;

/**
 * The delivery log, which is also the dispatcher's queue: due rows are claimed with {@code for update skip locked} and
 * leased (their next attempt moved past the send's time limit), so instances never send the same row at once and a
 * crash mid-send only delays it.
 */
@Repository
public class DeliveryStore {

    private static final int MAX_ERROR_CHARACTERS = 300;

    private final JdbcClient jdbc;

    public DeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insertQueued(UUID notificationId, Channel channel, Instant now) {
        jdbc.sql("""
                        insert into deliveries (id, notification_id, channel, status, next_attempt_at, updated_at)
                        values (:id, :notification, :channel, 'queued', :now, :now)
                        on conflict (notification_id, channel) do nothing""")
                .param("id", Ids.newId()).param("notification", notificationId).param("channel", channel.wireName())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Claims at most {@code limit} due deliveries of the channel; call in a transaction, it commits the lease. */
    public List<Delivery> claimDue(Channel channel, Instant now, Instant leaseUntil, int limit) {
        List<Delivery> due = jdbc.sql("""
                        select * from deliveries
                        where channel = :channel and status in ('queued', 'retrying') and next_attempt_at <= :now
                        order by next_attempt_at limit :limit for update skip locked""")
                .param("channel", channel.wireName()).param("now", Timestamp.from(now)).param("limit", limit)
                .query(DeliveryStore::row).list();
        if (!due.isEmpty()) {
            jdbc.sql("update deliveries set next_attempt_at = :lease where id in (:ids)")
                    .param("lease", Timestamp.from(leaseUntil)).param("ids", due.stream().map(Delivery::id).toList())
                    .update();
        }
        return due;
    }

    public void markSent(UUID id, int attempts, Instant now) {
        jdbc.sql("update deliveries set status = 'sent', attempts = :attempts, sent_at = :now, updated_at = :now, last_error = null where id = :id")
                .param("id", id).param("attempts", attempts).param("now", Timestamp.from(now))
                .update();
    }

    /** Another try at {@code nextAttemptAt}; {@code attempts} is what was spent so far. */
    public void markRetrying(UUID id, int attempts, Instant nextAttemptAt, String error, Instant now) {
        jdbc.sql("""
                        update deliveries set status = 'retrying', attempts = :attempts, next_attempt_at = :next,
                            last_error = :error, updated_at = :now where id = :id""")
                .param("id", id).param("attempts", attempts).param("next", Timestamp.from(nextAttemptAt))
                .param("error", shorten(error)).param("now", Timestamp.from(now))
                .update();
    }

    /** A final state without sending: failed, dead or skipped. */
    public void markFinal(UUID id, String status, int attempts, String error, Instant now) {
        jdbc.sql("update deliveries set status = :status, attempts = :attempts, last_error = :error, updated_at = :now where id = :id")
                .param("id", id).param("status", status).param("attempts", attempts).param("error", shorten(error))
                .param("now", Timestamp.from(now))
                .update();
    }

    public List<Delivery> forNotifications(Collection<UUID> notificationIds) {
        if (notificationIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from deliveries where notification_id in (:ids) order by channel")
                .param("ids", notificationIds).query(DeliveryStore::row).list();
    }

    private static String shorten(String error) {
        return error == null || error.length() <= MAX_ERROR_CHARACTERS ? error : error.substring(0, MAX_ERROR_CHARACTERS);
    }

    private static Delivery row(ResultSet row, int number) throws SQLException {
        Timestamp sentAt = row.getTimestamp("sent_at");
        return new Delivery(row.getObject("id", UUID.class), row.getObject("notification_id", UUID.class),
                Channel.fromWireName(row.getString("channel")), row.getString("status"), row.getInt("attempts"),
                row.getTimestamp("next_attempt_at").toInstant(), row.getString("last_error"),
                sentAt == null ? null : sentAt.toInstant());
    }
}

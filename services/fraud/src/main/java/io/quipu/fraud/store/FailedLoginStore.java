package io.quipu.fraud.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Failed logins of customers, from {@code auth-events}: who, what, when; nothing else is kept. */
@Repository
public class FailedLoginStore {

    private final JdbcClient jdbc;

    public FailedLoginStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID customerId, String eventType, Instant occurredAt) {
        jdbc.sql("insert into failed_logins (customer_id, event_type, occurred_at) values (:customer, :type, :at)")
                .param("customer", customerId).param("type", eventType).param("at", Timestamp.from(occurredAt))
                .update();
    }

    /** Failures of the customer in {@code (from, to]}. */
    public int countBetween(UUID customerId, Instant from, Instant to) {
        return jdbc.sql("""
                        select count(*) from failed_logins
                        where customer_id = :customer and occurred_at > :from and occurred_at <= :to""")
                .param("customer", customerId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(Integer.class).single();
    }

    /** Deletes at most {@code batch} failures older than {@code before}; returns how many went. */
    public int deleteOlderThan(Instant before, int batch) {
        return jdbc.sql("""
                        delete from failed_logins where id in (
                            select id from failed_logins where occurred_at < :before order by occurred_at limit :batch)""")
                .param("before", Timestamp.from(before)).param("batch", batch)
                .update();
    }
}

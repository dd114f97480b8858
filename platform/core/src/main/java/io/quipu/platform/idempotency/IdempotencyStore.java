package io.quipu.platform.idempotency;

import java.time.Duration;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The service's own table of Idempotency-Keys and the first response given to each. */
public class IdempotencyStore {

    /** How many expired keys one clean-up statement deletes, so it never holds locks for long. */
    static final int CLEANUP_BATCH_SIZE = 5_000;

    private final JdbcClient jdbc;

    public IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record StoredRequest(String requestHash, boolean completed, int responseStatus, String contentType,
                                String location, byte[] responseBody, boolean stale) {
    }

    /** Claims the key for this request; false when another request holds or held it. */
    public boolean claim(String scope, String key, String requestHash, Duration retention) {
        return jdbc.sql("""
                        insert into platform.idempotency_keys (scope, idempotency_key, request_hash, expires_at)
                        values (:scope, :key, :hash, now() + make_interval(secs => :retentionSeconds))
                        on conflict do nothing""")
                .param("scope", scope).param("key", key).param("hash", requestHash)
                .param("retentionSeconds", retention.toSeconds())
                .update() == 1;
    }

    public Optional<StoredRequest> find(String scope, String key, Duration staleAfter) {
        return jdbc.sql("""
                        select request_hash, completed, response_status, content_type, location, response_body,
                               (not completed and created_at < now() - make_interval(secs => :staleSeconds)) as stale
                        from platform.idempotency_keys where scope = :scope and idempotency_key = :key""")
                .param("scope", scope).param("key", key).param("staleSeconds", staleAfter.toSeconds())
                .query((row, number) -> new StoredRequest(row.getString("request_hash"), row.getBoolean("completed"),
                        row.getInt("response_status"), row.getString("content_type"), row.getString("location"),
                        row.getBytes("response_body"), row.getBoolean("stale")))
                .optional();
    }

    public void complete(String scope, String key, int status, String contentType, String location, byte[] body) {
        jdbc.sql("""
                        update platform.idempotency_keys
                        set completed = true, response_status = :status, content_type = :contentType,
                            location = :location, response_body = :body, completed_at = now()
                        where scope = :scope and idempotency_key = :key""")
                .param("status", status).param("contentType", contentType).param("location", location)
                .param("body", body).param("scope", scope).param("key", key)
                .update();
    }

    /** Forgets an unfinished claim, so the request can be retried (after a 5xx or a crash of the first attempt). */
    public void release(String scope, String key) {
        jdbc.sql("delete from platform.idempotency_keys where scope = :scope and idempotency_key = :key and not completed")
                .param("scope", scope).param("key", key)
                .update();
    }

    public int deleteExpired() {
        return jdbc.sql("""
                        delete from platform.idempotency_keys where ctid in (
                            select ctid from platform.idempotency_keys where expires_at < now() limit :batch)""")
                .param("batch", CLEANUP_BATCH_SIZE)
                .update();
    }
}

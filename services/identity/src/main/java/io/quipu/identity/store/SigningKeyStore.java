package io.quipu.identity.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SigningKeyStore {

    public record StoredKey(String keyId, String algorithm, byte[] publicKey, byte[] privateKey, boolean active,
                            Instant createdAt, Instant retiredAt) {
    }

    private final JdbcClient jdbc;

    public SigningKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The active key and the keys retired after {@code retiredAfter}, newest first. */
    public List<StoredKey> published(Instant retiredAfter) {
        return jdbc.sql("""
                        select key_id, algorithm, public_key, private_key, active, created_at, retired_at from signing_keys
                        where active or retired_at > :retiredAfter order by created_at desc limit 10""")
                .param("retiredAfter", Timestamp.from(retiredAfter))
                .query((row, index) -> new StoredKey(row.getString("key_id"), row.getString("algorithm"),
                        row.getBytes("public_key"), row.getBytes("private_key"), row.getBoolean("active"),
                        row.getTimestamp("created_at").toInstant(),
                        row.getTimestamp("retired_at") == null ? null : row.getTimestamp("retired_at").toInstant()))
                .list();
    }

    /** Inserts an active key unless one exists (two instances starting at once end up with one). */
    public boolean insertActiveIfNone(StoredKey key) {
        return jdbc.sql("""
                        insert into signing_keys (key_id, algorithm, public_key, private_key, active, created_at)
                        values (:keyId, :algorithm, :publicKey, :privateKey, true, :createdAt)
                        on conflict do nothing""")
                .param("keyId", key.keyId()).param("algorithm", key.algorithm()).param("publicKey", key.publicKey())
                .param("privateKey", key.privateKey()).param("createdAt", Timestamp.from(key.createdAt()))
                .update() == 1;
    }

    public void retireActive(Instant now) {
        jdbc.sql("update signing_keys set active = false, retired_at = :now where active").param("now", Timestamp.from(now)).update();
    }
}

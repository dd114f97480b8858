package io.quipu.identity.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.quipu.platform.crypto.FieldCipher;

/**
 * Token signing keys. Private keys are sealed with AES-256-GCM ({@link FieldCipher}, keys from configuration) and bound
 * to their key id, so a database dump or backup alone cannot sign tokens, and a sealed key copied to another row does
 * not open. A retired key keeps only its public key.
 */
@Repository
public class SigningKeyStore {

    /** @param privateKey PKCS#8 (DER); null for a retired key */
    public record StoredKey(String keyId, String algorithm, byte[] publicKey, byte[] privateKey, boolean active,
                            Instant createdAt, Instant retiredAt) {
    }

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    public SigningKeyStore(JdbcClient jdbc, FieldCipher signingKeyCipher) {
        this.jdbc = jdbc;
        this.cipher = signingKeyCipher;
    }

    /** The active key and the keys retired after {@code retiredAfter}, newest first. */
    public List<StoredKey> published(Instant retiredAfter) {
        return jdbc.sql("""
                        select key_id, algorithm, public_key, private_key, private_key_sealed, active, created_at, retired_at
                        from signing_keys where active or retired_at > :retiredAfter order by created_at desc limit 10""")
                .param("retiredAfter", Timestamp.from(retiredAfter))
                .query((row, index) -> new StoredKey(row.getString("key_id"), row.getString("algorithm"),
                        row.getBytes("public_key"), privateKey(row), row.getBoolean("active"),
                        row.getTimestamp("created_at").toInstant(),
                        row.getTimestamp("retired_at") == null ? null : row.getTimestamp("retired_at").toInstant()))
                .list();
    }

    /** Inserts an active key unless one exists (two instances starting at once end up with one). */
    public boolean insertActiveIfNone(StoredKey key) {
        return jdbc.sql("""
                        insert into signing_keys (key_id, algorithm, public_key, private_key_sealed, active, created_at)
                        values (:keyId, :algorithm, :publicKey, :sealed, true, :createdAt)
                        on conflict do nothing""")
                .param("keyId", key.keyId()).param("algorithm", key.algorithm()).param("publicKey", key.publicKey())
                .param("sealed", seal(key.keyId(), key.privateKey())).param("createdAt", Timestamp.from(key.createdAt()))
                .update() == 1;
    }

    /** Retires the active key; its private key is dropped, since it will never sign again. */
    public void retireActive(Instant now) {
        jdbc.sql("update signing_keys set active = false, retired_at = :now, private_key = null, private_key_sealed = null where active")
                .param("now", Timestamp.from(now)).update();
    }

    /**
     * Seals under the active key what is not: private keys an earlier version stored in the clear, and keys sealed
     * under a retired encryption key (after a rotation of {@code quipu.identity.signing-key-encryption}). Returns how
     * many were rewritten.
     */
    public int sealAtRest() {
        record Stored(String keyId, byte[] plain, String sealed) {
        }
        List<Stored> due = jdbc.sql("""
                        select key_id, private_key, private_key_sealed from signing_keys
                        where private_key is not null or private_key_sealed not like :prefix for update""")
                .param("prefix", cipher.activeKeyPrefix() + "%")
                .query((row, index) -> new Stored(row.getString("key_id"), row.getBytes("private_key"), row.getString("private_key_sealed")))
                .list();
        for (Stored key : due) {
            byte[] privateKey = key.plain() != null ? key.plain()
                    : Base64.getDecoder().decode(cipher.decrypt(key.sealed(), associatedData(key.keyId())));
            jdbc.sql("update signing_keys set private_key_sealed = :sealed, private_key = null where key_id = :keyId")
                    .param("sealed", seal(key.keyId(), privateKey)).param("keyId", key.keyId()).update();
        }
        return due.size();
    }

    private byte[] privateKey(ResultSet row) throws SQLException {
        String sealed = row.getString("private_key_sealed");
        if (sealed != null) {
            return Base64.getDecoder().decode(cipher.decrypt(sealed, associatedData(row.getString("key_id"))));
        }
        return row.getBytes("private_key"); // an earlier version's, until sealAtRest runs at the next start
    }

    private String seal(String keyId, byte[] privateKey) {
        return cipher.encrypt(Base64.getEncoder().encodeToString(privateKey), associatedData(keyId));
    }

    private static String associatedData(String keyId) {
        return "signing_keys.private_key:" + keyId;
    }
}

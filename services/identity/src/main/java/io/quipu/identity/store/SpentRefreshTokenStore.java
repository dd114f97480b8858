package io.quipu.identity.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Refresh tokens of the authorization server that were rotated away, by hash, with the authorization (the token family)
 * they belonged to: presenting one again is a reuse, and revokes that authorization.
 */
@Repository
public class SpentRefreshTokenStore {

    private final JdbcClient jdbc;

    public SpentRefreshTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(byte[] tokenHash, String authorizationId, Instant spentAt, Instant expiresAt) {
        jdbc.sql("""
                        insert into spent_oauth2_refresh_tokens (token_hash, authorization_id, spent_at, expires_at)
                        values (:tokenHash, :authorizationId, :spentAt, :expiresAt)
                        on conflict (token_hash) do nothing""")
                .param("tokenHash", tokenHash).param("authorizationId", authorizationId)
                .param("spentAt", Timestamp.from(spentAt)).param("expiresAt", Timestamp.from(expiresAt))
                .update();
    }

    public Optional<String> findAuthorizationId(byte[] tokenHash) {
        return jdbc.sql("select authorization_id from spent_oauth2_refresh_tokens where token_hash = :tokenHash")
                .param("tokenHash", tokenHash)
                .query(String.class)
                .optional();
    }

    public int deleteExpired(Instant before, int limit) {
        return jdbc.sql("""
                        delete from spent_oauth2_refresh_tokens where token_hash in (
                            select token_hash from spent_oauth2_refresh_tokens where expires_at < :before limit :limit)""")
                .param("before", Timestamp.from(before)).param("limit", limit)
                .update();
    }
}

package io.quipu.identity.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.quipu.identity.domain.RefreshTokens;

@Repository
public class RefreshTokenStore {

    public record StoredRefreshToken(UUID id, UUID familyId, UUID userId, String scope, RefreshTokens.Status status,
                                     Instant expiresAt) {
    }

    private final JdbcClient jdbc;

    public RefreshTokenStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, UUID familyId, UUID parentId, UUID userId, byte[] tokenHash, String scope, Instant now,
                       Instant expiresAt) {
        jdbc.sql("""
                        insert into refresh_tokens (id, family_id, parent_id, user_id, token_hash, scope, status, created_at, expires_at)
                        values (:id, :familyId, :parentId, :userId, :tokenHash, :scope, 'ACTIVE', :now, :expiresAt)""")
                .param("id", id).param("familyId", familyId).param("parentId", parentId).param("userId", userId)
                .param("tokenHash", tokenHash).param("scope", scope).param("now", Timestamp.from(now))
                .param("expiresAt", Timestamp.from(expiresAt))
                .update();
    }

    /** Row-locked: two refreshes with the same token cannot both rotate it; the second is seen as a reuse. */
    public Optional<StoredRefreshToken> findForUpdate(byte[] tokenHash) {
        return jdbc.sql("select id, family_id, user_id, scope, status, expires_at from refresh_tokens where token_hash = :hash for update")
                .param("hash", tokenHash)
                .query((row, index) -> new StoredRefreshToken(row.getObject("id", UUID.class), row.getObject("family_id", UUID.class),
                        row.getObject("user_id", UUID.class), row.getString("scope"),
                        RefreshTokens.Status.valueOf(row.getString("status")), row.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    public void markRotated(UUID id, Instant now) {
        jdbc.sql("update refresh_tokens set status = 'ROTATED', used_at = :now where id = :id")
                .param("now", Timestamp.from(now)).param("id", id)
                .update();
    }

    /** Revokes every token of the family that is not revoked yet; returns how many. */
    public int revokeFamily(UUID familyId, Instant now) {
        return jdbc.sql("update refresh_tokens set status = 'REVOKED', revoked_at = :now where family_id = :familyId and status <> 'REVOKED'")
                .param("now", Timestamp.from(now)).param("familyId", familyId)
                .update();
    }

    /** Revokes every refresh token of the user (every family: all their sessions); returns how many. */
    public int revokeAllOfUser(UUID userId, Instant now) {
        return jdbc.sql("update refresh_tokens set status = 'REVOKED', revoked_at = :now where user_id = :userId and status <> 'REVOKED'")
                .param("now", Timestamp.from(now)).param("userId", userId)
                .update();
    }

    public int deleteExpired(Instant before, int limit) {
        return jdbc.sql("""
                        delete from refresh_tokens where id in (
                            select id from refresh_tokens where expires_at < :before limit :limit)""")
                .param("before", Timestamp.from(before)).param("limit", limit)
                .update();
    }
}

package io.quipu.identity.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.quipu.identity.domain.PasswordReset;

@Repository
public class PasswordResetStore {

    private final JdbcClient jdbc;

    public PasswordResetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(PasswordReset reset, String sourceAddress, Instant now) {
        jdbc.sql("""
                        insert into password_resets (id, user_id, otp_hash, otp_attempts, status, source_address, created_at, expires_at)
                        values (:id, :userId, :otpHash, 0, :status, :sourceAddress, :now, :expiresAt)""")
                .param("id", reset.id()).param("userId", reset.userId()).param("otpHash", reset.otpHash())
                .param("status", reset.status().name()).param("sourceAddress", sourceAddress)
                .param("now", Timestamp.from(now)).param("expiresAt", Timestamp.from(reset.expiresAt()))
                .update();
    }

    /** Row-locked: two codes presented at once are checked one after the other, so attempts are never lost. */
    public Optional<PasswordReset> findForUpdate(UUID id) {
        return jdbc.sql("select id, user_id, otp_hash, otp_attempts, status, expires_at from password_resets where id = :id for update")
                .param("id", id)
                .query((row, index) -> new PasswordReset(row.getObject("id", UUID.class), row.getObject("user_id", UUID.class),
                        row.getBytes("otp_hash"), row.getInt("otp_attempts"), PasswordReset.Status.valueOf(row.getString("status")),
                        row.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    public void update(UUID id, int otpAttempts, PasswordReset.Status status) {
        jdbc.sql("update password_resets set otp_attempts = :attempts, status = :status where id = :id")
                .param("attempts", otpAttempts).param("status", status.name()).param("id", id)
                .update();
    }

    public int countPending(UUID userId, Instant now) {
        return jdbc.sql("select count(*) from password_resets where user_id = :userId and status = 'PENDING' and expires_at > :now")
                .param("userId", userId).param("now", Timestamp.from(now))
                .query(Integer.class).single();
    }

    /** A completed reset makes the user's other pending resets unusable: only the newest intent counts. */
    public void failOtherPending(UUID userId, UUID completedId) {
        jdbc.sql("update password_resets set status = 'FAILED' where user_id = :userId and status = 'PENDING' and id <> :id")
                .param("userId", userId).param("id", completedId)
                .update();
    }

    public int deleteExpired(Instant before, int limit) {
        return jdbc.sql("""
                        delete from password_resets where id in (
                            select id from password_resets where expires_at < :before limit :limit)""")
                .param("before", Timestamp.from(before)).param("limit", limit)
                .update();
    }
}

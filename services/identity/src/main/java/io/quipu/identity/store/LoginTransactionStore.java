package io.quipu.identity.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.quipu.identity.domain.LoginTransaction;

@Repository
public class LoginTransactionStore {

    private final JdbcClient jdbc;

    public LoginTransactionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(LoginTransaction transaction, String sourceAddress, Instant now) {
        jdbc.sql("""
                        insert into login_transactions (id, user_id, otp_hash, otp_attempts, status, source_address, created_at, expires_at)
                        values (:id, :userId, :otpHash, 0, :status, :sourceAddress, :now, :expiresAt)""")
                .param("id", transaction.id()).param("userId", transaction.userId()).param("otpHash", transaction.otpHash())
                .param("status", transaction.status().name()).param("sourceAddress", sourceAddress)
                .param("now", Timestamp.from(now)).param("expiresAt", Timestamp.from(transaction.expiresAt()))
                .update();
    }

    /** Row-locked: two codes presented at once are checked one after the other, so attempts are never lost. */
    public Optional<LoginTransaction> findForUpdate(UUID id) {
        return jdbc.sql("select id, user_id, otp_hash, otp_attempts, status, expires_at from login_transactions where id = :id for update")
                .param("id", id)
                .query((row, index) -> new LoginTransaction(row.getObject("id", UUID.class), row.getObject("user_id", UUID.class),
                        row.getBytes("otp_hash"), row.getInt("otp_attempts"), LoginTransaction.Status.valueOf(row.getString("status")),
                        row.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    public void update(UUID id, int otpAttempts, LoginTransaction.Status status) {
        jdbc.sql("update login_transactions set otp_attempts = :attempts, status = :status where id = :id")
                .param("attempts", otpAttempts).param("status", status.name()).param("id", id)
                .update();
    }

    public int countPending(UUID userId, Instant now) {
        return jdbc.sql("select count(*) from login_transactions where user_id = :userId and status = 'PENDING' and expires_at > :now")
                .param("userId", userId).param("now", Timestamp.from(now))
                .query(Integer.class).single();
    }

    /** Deletes at most {@code limit} transactions that expired before {@code before}; returns how many. */
    public int deleteExpired(Instant before, int limit) {
        return jdbc.sql("""
                        delete from login_transactions where id in (
                            select id from login_transactions where expires_at < :before limit :limit)""")
                .param("before", Timestamp.from(before)).param("limit", limit)
                .update();
    }
}

package io.quipu.identity.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.quipu.identity.domain.StepUpBinding;
import io.quipu.identity.domain.PendingStepUp;
import io.quipu.platform.money.Money;

/** Step-up challenges waiting for their code, and the spent step-up authorizations (their jti). */
@Repository
public class StepUpStore {

    private final JdbcClient jdbc;

    public StepUpStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(PendingStepUp challenge, String factor, String sourceAddress, Instant now) {
        jdbc.sql("""
                        insert into step_up_challenges (id, user_id, payment_id, amount_minor, currency, payee, factor, otp_hash,
                                                        passkey_request_json, otp_attempts, status, source_address, created_at, expires_at)
                        values (:id, :userId, :paymentId, :amountMinor, :currency, :payee, :factor, :otpHash, :passkeyRequestJson, 0, :status,
                                :sourceAddress, :now, :expiresAt)""")
                .param("id", challenge.id()).param("userId", challenge.userId())
                .param("paymentId", challenge.binding().paymentId())
                .param("amountMinor", challenge.binding().amount().amountMinor())
                .param("currency", challenge.binding().amount().currencyCode())
                .param("payee", challenge.binding().payee()).param("factor", factor).param("otpHash", challenge.otpHash())
                .param("passkeyRequestJson", challenge.passkeyRequestJson())
                .param("status", challenge.status().name()).param("sourceAddress", sourceAddress)
                .param("now", Timestamp.from(now)).param("expiresAt", Timestamp.from(challenge.expiresAt()))
                .update();
    }

    /** Row-locked: two codes presented at once are checked one after the other, so attempts are never lost. */
    public Optional<PendingStepUp> findForUpdate(UUID id) {
        return jdbc.sql("""
                        select id, user_id, payment_id, amount_minor, currency, payee, otp_hash, passkey_request_json, otp_attempts,
                               status, expires_at
                        from step_up_challenges where id = :id for update""")
                .param("id", id)
                .query((row, index) -> new PendingStepUp(row.getObject("id", UUID.class), row.getObject("user_id", UUID.class),
                        new StepUpBinding(row.getObject("payment_id", UUID.class),
                                Money.ofMinor(row.getLong("amount_minor"), row.getString("currency")), row.getString("payee")),
                        row.getBytes("otp_hash"), row.getString("passkey_request_json"), row.getInt("otp_attempts"),
                        PendingStepUp.Status.valueOf(row.getString("status")), row.getTimestamp("expires_at").toInstant()))
                .optional();
    }

    public void update(UUID id, int otpAttempts, PendingStepUp.Status status) {
        jdbc.sql("update step_up_challenges set otp_attempts = :attempts, status = :status where id = :id")
                .param("attempts", otpAttempts).param("status", status.name()).param("id", id)
                .update();
    }

    public int countPending(UUID userId, Instant now) {
        return jdbc.sql("select count(*) from step_up_challenges where user_id = :userId and status = 'PENDING' and expires_at > :now")
                .param("userId", userId).param("now", Timestamp.from(now))
                .query(Integer.class).single();
    }

    /** Records the authorization as spent; false when it already was (the primary key decides, across instances). */
    public boolean markRedeemed(UUID jti, UUID userId, UUID paymentId, String redeemedBy, Instant now, Instant expiresAt) {
        return jdbc.sql("""
                        insert into step_up_redemptions (jti, user_id, payment_id, redeemed_by, redeemed_at, expires_at)
                        values (:jti, :userId, :paymentId, :redeemedBy, :now, :expiresAt)
                        on conflict (jti) do nothing""")
                .param("jti", jti).param("userId", userId).param("paymentId", paymentId).param("redeemedBy", redeemedBy)
                .param("now", Timestamp.from(now)).param("expiresAt", Timestamp.from(expiresAt))
                .update() == 1;
    }

    /** Deletes at most {@code limit} challenges and spent authorizations that expired before {@code before}. */
    public int deleteExpired(Instant before, int limit) {
        int challenges = jdbc.sql("""
                        delete from step_up_challenges where id in (
                            select id from step_up_challenges where expires_at < :before limit :limit)""")
                .param("before", Timestamp.from(before)).param("limit", limit)
                .update();
        int redemptions = jdbc.sql("""
                        delete from step_up_redemptions where jti in (
                            select jti from step_up_redemptions where expires_at < :before limit :limit)""")
                .param("before", Timestamp.from(before)).param("limit", limit)
                .update();
        return challenges + redemptions;
    }
}

package io.quipu.payments.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.quipu.payments.domain.Payment;
import io.quipu.payments.domain.PaymentState;
import io.quipu.payments.domain.PaymentType;
import io.quipu.platform.money.Money;

/** Payments, their state history, and the claims of the saga's resumer. */
@Repository
public class PaymentStore {

    public static final int MAX_PAGE_SIZE = 100;
    public static final int MAX_CLAIM = 50;

    public record StateChange(PaymentState from, PaymentState to, Instant at, String reason) {
    }

    private final JdbcClient jdbc;

    public PaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Payment payment, String reason) {
        jdbc.sql("""
                        insert into payments (id, customer_id, user_id, type, state, source_account_id, amount_minor, currency, payee,
                            destination_account_id, beneficiary_name, beneficiary_bic, description, channel, fraud_decision, fraud_case_id,
                            failure_reason, clearing_reference, fx_quote_id, fx_rate, target_amount_minor, target_currency, attempts,
                            next_attempt_at, version, created_at, updated_at)
                        values (:id, :customerId, :userId, :type, :state, :sourceAccountId, :amountMinor, :currency, :payee,
                            :destinationAccountId, :beneficiaryName, :beneficiaryBic, :description, :channel, :fraudDecision, :fraudCaseId,
                            :failureReason, :clearingReference, :fxQuoteId, :fxRate, :targetAmountMinor, :targetCurrency, :attempts,
                            :nextAttemptAt, 0, :createdAt, :updatedAt)""")
                .paramSource(parameters(payment))
                .update();
        appendChange(payment.id(), null, payment.state(), payment.createdAt(), reason);
    }

    /**
     * Saves the payment if it is still at the version it was read at, recording the state change when there is one.
     *
     * @return false when someone else moved it meanwhile (nothing written)
     */
    public boolean save(Payment payment, PaymentState previousState, String reason) {
        int updated = jdbc.sql("""
                        update payments set state = :state, fraud_decision = :fraudDecision, fraud_case_id = :fraudCaseId,
                            failure_reason = :failureReason, clearing_reference = :clearingReference, attempts = :attempts,
                            next_attempt_at = :nextAttemptAt, updated_at = :updatedAt, version = version + 1
                        where id = :id and version = :version""")
                .paramSource(parameters(payment))
                .update();
        if (updated == 1 && previousState != payment.state()) {
            appendChange(payment.id(), previousState, payment.state(), payment.updatedAt(), reason);
        }
        return updated == 1;
    }

    public Optional<Payment> find(UUID id) {
        return jdbc.sql("select * from payments where id = :id").param("id", id).query(PaymentStore::map).optional();
    }

    public Optional<Payment> findByClearingReference(String reference) {
        return jdbc.sql("select * from payments where clearing_reference = :reference").param("reference", reference)
                .query(PaymentStore::map).optional();
    }

    public List<StateChange> history(UUID id) {
        return jdbc.sql("select from_state, to_state, at, reason from payment_state_changes where payment_id = :id order by sequence")
                .param("id", id)
                .query((row, number) -> new StateChange(row.getString(1) == null ? null : PaymentState.valueOf(row.getString(1)),
                        PaymentState.valueOf(row.getString(2)), row.getTimestamp(3).toInstant(), row.getString(4)))
                .list();
    }

    /** A source account's payments, newest first, after the cursor (created at, id). */
    public List<Payment> ofAccount(UUID accountId, Instant beforeCreatedAt, UUID beforeId, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE + 1) {
            throw new IllegalArgumentException("limit must be 1 to " + (MAX_PAGE_SIZE + 1));
        }
        return jdbc.sql("""
                        select * from payments where source_account_id = :accountId
                          and (cast(:beforeCreatedAt as timestamptz) is null or (created_at, id) < (:beforeCreatedAt, :beforeId))
                        order by created_at desc, id desc limit :limit""")
                .param("accountId", accountId)
                .param("beforeCreatedAt", beforeCreatedAt == null ? null : Timestamp.from(beforeCreatedAt))
                .param("beforeId", beforeId)
                .param("limit", limit)
                .query(PaymentStore::map).list();
    }

    /** What the customer's payments of today (since {@code dayStart}) in this currency add up to, failed ones aside. */
    public Money paidSince(UUID customerId, String currency, Instant dayStart) {
        long minor = jdbc.sql("""
                        select coalesce(sum(amount_minor), 0) from payments
                        where customer_id = :customerId and currency = :currency and created_at >= :dayStart and state <> 'FAILED'""")
                .param("customerId", customerId).param("currency", currency).param("dayStart", Timestamp.from(dayStart))
                .query(Long.class).single();
        return Money.ofMinor(minor, currency);
    }

    /** Claims due payments for {@code lease}: other instances skip them until then (a crashed claim simply runs out). */
    public List<UUID> claimDue(Instant now, Duration lease, int limit) {
        if (limit < 1 || limit > MAX_CLAIM) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_CLAIM);
        }
        return jdbc.sql("""
                        update payments set next_attempt_at = :leaseEnd
                        where id in (select id from payments where next_attempt_at <= :now
                                     order by next_attempt_at limit :limit for update skip locked)
                        returning id""")
                .param("leaseEnd", Timestamp.from(now.plus(lease))).param("now", Timestamp.from(now)).param("limit", limit)
                .query(UUID.class).list();
    }

    private void appendChange(UUID paymentId, PaymentState from, PaymentState to, Instant at, String reason) {
        jdbc.sql("""
                        insert into payment_state_changes (payment_id, sequence, from_state, to_state, at, reason)
                        values (:paymentId, (select count(*) from payment_state_changes where payment_id = :paymentId), :from, :to, :at, :reason)""")
                .param("paymentId", paymentId).param("from", from == null ? null : from.name()).param("to", to.name())
                .param("at", Timestamp.from(at)).param("reason", reason == null ? null : reason.substring(0, Math.min(reason.length(), 120)))
                .update();
    }

    private static MapSqlParameterSource parameters(Payment payment) {
        return new MapSqlParameterSource()
                .addValue("id", payment.id())
                .addValue("customerId", payment.customerId())
                .addValue("userId", payment.userId())
                .addValue("type", payment.type().name())
                .addValue("state", payment.state().name())
                .addValue("sourceAccountId", payment.sourceAccountId())
                .addValue("amountMinor", payment.amount().amountMinor())
                .addValue("currency", payment.amount().currencyCode())
                .addValue("payee", payment.payee())
                .addValue("destinationAccountId", payment.destinationAccountId())
                .addValue("beneficiaryName", payment.beneficiaryName())
                .addValue("beneficiaryBic", payment.beneficiaryBic())
                .addValue("description", payment.description())
                .addValue("channel", payment.channel())
                .addValue("fraudDecision", payment.fraudDecision())
                .addValue("fraudCaseId", payment.fraudCaseId())
                .addValue("failureReason", payment.failureReason())
                .addValue("clearingReference", payment.clearingReference())
                .addValue("fxQuoteId", payment.fxQuoteId())
                .addValue("fxRate", payment.fxRate())
                .addValue("targetAmountMinor", payment.targetAmount() == null ? null : payment.targetAmount().amountMinor())
                .addValue("targetCurrency", payment.targetAmount() == null ? null : payment.targetAmount().currencyCode())
                .addValue("attempts", payment.attempts())
                .addValue("nextAttemptAt", payment.nextAttemptAt() == null ? null : Timestamp.from(payment.nextAttemptAt()))
                .addValue("version", payment.version())
                .addValue("createdAt", Timestamp.from(payment.createdAt()))
                .addValue("updatedAt", Timestamp.from(payment.updatedAt()));
    }

    private static Payment map(ResultSet row, int number) throws SQLException {
        Timestamp nextAttempt = row.getTimestamp("next_attempt_at");
        String targetCurrency = row.getString("target_currency");
        return new Payment(row.getObject("id", UUID.class), row.getObject("customer_id", UUID.class), row.getString("user_id"),
                PaymentType.valueOf(row.getString("type")), PaymentState.valueOf(row.getString("state")),
                row.getObject("source_account_id", UUID.class), Money.ofMinor(row.getLong("amount_minor"), row.getString("currency")),
                row.getString("payee"), row.getObject("destination_account_id", UUID.class), row.getString("beneficiary_name"),
                row.getString("beneficiary_bic"), row.getString("description"), row.getString("channel"), row.getString("fraud_decision"),
                row.getObject("fraud_case_id", UUID.class), row.getString("failure_reason"), row.getString("clearing_reference"),
                row.getObject("fx_quote_id", UUID.class), row.getString("fx_rate"),
                targetCurrency == null ? null : Money.ofMinor(row.getLong("target_amount_minor"), targetCurrency),
                row.getInt("attempts"), nextAttempt == null ? null : nextAttempt.toInstant(), row.getLong("version"),
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant());
    }
}

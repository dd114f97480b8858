package io.quipu.fraud.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.quipu.fraud.domain.Verdict;
import io.quipu.platform.money.Money;

/**
 * The payments fraud was asked about, with their decisions: the answer to a repeated check and the customer's history.
 * A payment "went ahead" when it was allowed, or held for review and approved; denied and rejected payments never
 * moved money, so they make neither the usual amount nor a known payee.
 */
@Repository
public class CheckStore {

    private static final String WENT_AHEAD = """
            (c.decision = 'allow' or (c.decision = 'review'
                and exists (select 1 from fraud_cases f where f.id = c.case_id and f.status = 'approved')))""";

    private final JdbcClient jdbc;

    public CheckStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises the checks of one customer until the transaction ends, so that two payments judged at once both count
     * in each other's history (velocity).
     */
    public void lockCustomer(UUID customerId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:customer, 0))")
                .param("customer", customerId.toString()).query((row, number) -> 1).list();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the payment was checked meanwhile */
    public void insert(PaymentCheck check) {
        jdbc.sql("""
                        insert into payment_checks (payment_id, decision_id, customer_id, source_account_id, payee, payment_type,
                            channel, amount_minor, currency, requested_at, decision, reasons, risk_score, case_id, decided_at)
                        values (:paymentId, :decisionId, :customerId, :sourceAccountId, :payee, :paymentType, :channel,
                            :amountMinor, :currency, :requestedAt, :decision, :reasons, :riskScore, :caseId, :decidedAt)""")
                .param("paymentId", check.paymentId())
                .param("decisionId", check.decisionId())
                .param("customerId", check.customerId())
                .param("sourceAccountId", check.sourceAccountId())
                .param("payee", check.payee())
                .param("paymentType", check.paymentType())
                .param("channel", check.channel())
                .param("amountMinor", check.amount().amountMinor())
                .param("currency", check.amount().currencyCode())
                .param("requestedAt", Timestamp.from(check.requestedAt()))
                .param("decision", check.verdict().code())
                .param("reasons", Reasons.join(check.rules()))
                .param("riskScore", check.riskScore())
                .param("caseId", check.caseId())
                .param("decidedAt", Timestamp.from(check.decidedAt()))
                .update();
    }

    public Optional<PaymentCheck> find(UUID paymentId) {
        return jdbc.sql("select * from payment_checks where payment_id = :id").param("id", paymentId).query(this::map).optional();
    }

    /** The latest {@code limit} amounts in {@code currency} that went ahead before {@code before}, newest first. */
    public List<Money> usualAmounts(UUID customerId, String currency, Instant before, int limit) {
        return jdbc.sql("""
                        select c.amount_minor from payment_checks c
                        where c.customer_id = :customer and c.currency = :currency and c.decided_at <= :before
                          and """ + WENT_AHEAD + """

                        order by c.decided_at desc, c.payment_id desc
                        limit :limit""")
                .param("customer", customerId).param("currency", currency).param("before", Timestamp.from(before))
                .param("limit", limit)
                .query((row, number) -> Money.ofMinor(row.getLong(1), currency)).list();
    }

    /** Payments of the customer asked about in {@code (from, to]}, whatever their decision. */
    public int countBetween(UUID customerId, Instant from, Instant to) {
        return jdbc.sql("""
                        select count(*) from payment_checks
                        where customer_id = :customer and decided_at > :from and decided_at <= :to""")
                .param("customer", customerId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(Integer.class).single();
    }

    /** Whether a payment of the customer to this payee went ahead before. */
    public boolean payeeKnown(UUID customerId, String payee) {
        return jdbc.sql("select exists (select 1 from payment_checks c where c.customer_id = :customer and c.payee = :payee and "
                        + WENT_AHEAD + ")")
                .param("customer", customerId).param("payee", payee)
                .query(Boolean.class).single();
    }

    private PaymentCheck map(ResultSet row, int number) throws SQLException {
        return new PaymentCheck(
                row.getObject("payment_id", UUID.class),
                row.getObject("decision_id", UUID.class),
                row.getObject("customer_id", UUID.class),
                row.getObject("source_account_id", UUID.class),
                row.getString("payee"),
                row.getString("payment_type"),
                row.getString("channel"),
                Money.ofMinor(row.getLong("amount_minor"), row.getString("currency")),
                row.getTimestamp("requested_at").toInstant(),
                Verdict.ofCode(row.getString("decision")),
                Reasons.split(row.getString("reasons")),
                row.getInt("risk_score"),
                row.getObject("case_id", UUID.class),
                row.getTimestamp("decided_at").toInstant());
    }
}

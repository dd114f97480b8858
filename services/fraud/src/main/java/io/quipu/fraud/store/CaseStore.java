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

import io.quipu.fraud.domain.CaseStatus;
import io.quipu.platform.money.Money;

/** Review cases. Their ids are UUIDv7, so id order is opening order: the analysts' queue pages by id. */
@Repository
public class CaseStore {

    /** Upper bound of any page of cases. */
    public static final int MAX_PAGE_SIZE = 100;

    private final JdbcClient jdbc;

    public CaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ReviewCase reviewCase) {
        jdbc.sql("""
                        insert into fraud_cases (id, payment_id, customer_id, amount_minor, currency, payee, status, reasons,
                            risk_score, created_at)
                        values (:id, :paymentId, :customerId, :amountMinor, :currency, :payee, :status, :reasons, :riskScore,
                            :createdAt)""")
                .param("id", reviewCase.id())
                .param("paymentId", reviewCase.paymentId())
                .param("customerId", reviewCase.customerId())
                .param("amountMinor", reviewCase.amount().amountMinor())
                .param("currency", reviewCase.amount().currencyCode())
                .param("payee", reviewCase.payee())
                .param("status", reviewCase.status().code())
                .param("reasons", Reasons.join(reviewCase.rules()))
                .param("riskScore", reviewCase.riskScore())
                .param("createdAt", Timestamp.from(reviewCase.createdAt()))
                .update();
    }

    public Optional<ReviewCase> find(UUID id) {
        return jdbc.sql("select * from fraud_cases where id = :id").param("id", id).query(this::map).optional();
    }

    /** The case, locked until the transaction ends: two analysts resolving it at once are told apart. */
    public Optional<ReviewCase> findForUpdate(UUID id) {
        return jdbc.sql("select * from fraud_cases where id = :id for update").param("id", id).query(this::map).optional();
    }

    /** Writes a resolution if the case is still open; false when it was resolved meanwhile. */
    public boolean resolve(UUID id, CaseStatus status, String resolvedBy, String resolution, Instant at) {
        return jdbc.sql("""
                        update fraud_cases set status = :status, resolved_by = :resolvedBy, resolution = :resolution,
                            resolved_at = :at
                        where id = :id and status = 'open'""")
                .param("status", status.code()).param("resolvedBy", resolvedBy).param("resolution", resolution)
                .param("at", Timestamp.from(at)).param("id", id)
                .update() == 1;
    }

    /** Cases in opening order after {@code after} (exclusive), of one status or (null) all. */
    public List<ReviewCase> page(CaseStatus status, UUID after, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE + 1) {
            throw new IllegalArgumentException("limit must be 1 to " + (MAX_PAGE_SIZE + 1));
        }
        return jdbc.sql("""
                        select * from fraud_cases
                        where (cast(:status as varchar) is null or status = :status)
                          and (cast(:after as uuid) is null or id > :after)
                        order by id
                        limit :limit""")
                .param("status", status == null ? null : status.code())
                .param("after", after)
                .param("limit", limit)
                .query(this::map).list();
    }

    private ReviewCase map(ResultSet row, int number) throws SQLException {
        Timestamp resolvedAt = row.getTimestamp("resolved_at");
        return new ReviewCase(
                row.getObject("id", UUID.class),
                row.getObject("payment_id", UUID.class),
                row.getObject("customer_id", UUID.class),
                Money.ofMinor(row.getLong("amount_minor"), row.getString("currency")),
                row.getString("payee"),
                CaseStatus.ofCode(row.getString("status")),
                Reasons.split(row.getString("reasons")),
                row.getInt("risk_score"),
                row.getString("resolved_by"),
                row.getString("resolution"),
                row.getTimestamp("created_at").toInstant(),
                resolvedAt == null ? null : resolvedAt.toInstant());
    }
}

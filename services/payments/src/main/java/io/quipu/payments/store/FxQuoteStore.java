package io.quipu.payments.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.quipu.platform.money.Money;

/** FX quotes: given to one customer, valid for a short while, spent by at most one payment. */
@Repository
public class FxQuoteStore {

    public record StoredQuote(UUID id, UUID customerId, String rate, int spreadBasisPoints, Money sourceAmount, Money targetAmount,
                              Instant expiresAt, UUID usedByPayment) {
    }

    private final JdbcClient jdbc;

    public FxQuoteStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(StoredQuote quote, Instant now) {
        jdbc.sql("""
                        insert into fx_quotes (id, customer_id, rate, spread_basis_points, source_amount_minor, source_currency,
                            target_amount_minor, target_currency, expires_at, created_at)
                        values (:id, :customerId, :rate, :spread, :sourceMinor, :sourceCurrency, :targetMinor, :targetCurrency, :expiresAt, :now)""")
                .param("id", quote.id()).param("customerId", quote.customerId()).param("rate", quote.rate())
                .param("spread", quote.spreadBasisPoints()).param("sourceMinor", quote.sourceAmount().amountMinor())
                .param("sourceCurrency", quote.sourceAmount().currencyCode()).param("targetMinor", quote.targetAmount().amountMinor())
                .param("targetCurrency", quote.targetAmount().currencyCode()).param("expiresAt", Timestamp.from(quote.expiresAt()))
                .param("now", Timestamp.from(now))
                .update();
    }

    public Optional<StoredQuote> findForUpdate(UUID id) {
        return jdbc.sql("select * from fx_quotes where id = :id for update").param("id", id)
                .query((row, number) -> new StoredQuote(row.getObject("id", UUID.class), row.getObject("customer_id", UUID.class),
                        row.getString("rate"), row.getInt("spread_basis_points"),
                        Money.ofMinor(row.getLong("source_amount_minor"), row.getString("source_currency")),
                        Money.ofMinor(row.getLong("target_amount_minor"), row.getString("target_currency")),
                        row.getTimestamp("expires_at").toInstant(), row.getObject("used_by_payment", UUID.class)))
                .optional();
    }

    public void markUsed(UUID quoteId, UUID paymentId) {
        jdbc.sql("update fx_quotes set used_by_payment = :paymentId where id = :id").param("paymentId", paymentId).param("id", quoteId)
                .update();
    }
}

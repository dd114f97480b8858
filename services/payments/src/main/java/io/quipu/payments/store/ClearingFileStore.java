package io.quipu.payments.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.quipu.payments.domain.PaymentState;
import io.quipu.payments.domain.PaymentType;
import io.quipu.platform.money.Money;

/** The interbank payments that go into a day's clearing file. */
@Repository
public class ClearingFileStore {

    /** States of payments the clearing house has accepted: sent, settled, or settled and later returned. */
    static final List<String> STATES_IN_FILE = List.of(PaymentState.SENT.name(), PaymentState.COMPLETED.name(),
            PaymentState.RETURNED.name());

    /** An interbank payment as the file needs it; {@code cci} without the payee's {@code CCI:} prefix. */
    public record InterbankPayment(UUID id, String cci, String beneficiaryName, Money amount) {
    }

    private final JdbcClient jdbc;

    public ClearingFileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Interbank payments in {@code currency} created in [{@code from}, {@code to}) that the clearing house accepted, oldest
     * first, at most {@code limit} (ask for one more than allowed to learn that there are too many).
     */
    public List<InterbankPayment> acceptedInterbank(String currency, Instant from, Instant to, int limit) {
        if (limit < 1 || limit > 100_000) {
            throw new IllegalArgumentException("limit must be 1 to 100000");
        }
        return jdbc.sql("""
                        select id, payee, beneficiary_name, amount_minor, currency from payments
                        where type = :type and currency = :currency and state in (:states)
                          and created_at >= :from and created_at < :to
                        order by created_at, id limit :limit""")
                .param("type", PaymentType.INTERBANK.name())
                .param("currency", currency)
                .param("states", STATES_IN_FILE)
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("limit", limit)
                .query((row, number) -> new InterbankPayment(row.getObject("id", UUID.class),
                        row.getString("payee").substring("CCI:".length()), row.getString("beneficiary_name"),
                        Money.ofMinor(row.getLong("amount_minor"), row.getString("currency"))))
                .list();
    }
}

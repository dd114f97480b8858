package io.quipu.notifications.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.quipu.notifications.domain.NotificationFacts;
import io.quipu.notifications.domain.NotificationKind;
import io.quipu.platform.money.Money;

/** Notifications: inserted once per source event and kind, rendered once, read newest first. */
@Repository
public class NotificationStore {

    private static final String COLUMNS = """
            id, customer_id, kind, amount_minor, currency, balance_after_minor, account_masked, counterparty_masked,
            reason, locked_until, account_id, network_masked, language, title, body, created_at""";

    private final JdbcClient jdbc;

    public NotificationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when this event already produced a notification of this kind */
    public boolean insert(UUID id, UUID customerId, NotificationKind kind, String sourceEventId, NotificationFacts facts,
                          Instant createdAt) {
        Money amount = facts.amount();
        Money balance = facts.balanceAfter();
        return jdbc.sql("""
                        insert into notifications (id, customer_id, kind, source_event_id, amount_minor, currency,
                            balance_after_minor, account_masked, counterparty_masked, reason, locked_until, account_id,
                            network_masked, created_at)
                        values (:id, :customer, :kind, :event, :amount, :currency, :balance, :account, :counterparty,
                            :reason, :lockedUntil, :accountId, :network, :createdAt)
                        on conflict (source_event_id, kind) do nothing""")
                .param("id", id).param("customer", customerId).param("kind", kind.wireName()).param("event", sourceEventId)
                .param("amount", amount == null ? null : amount.amountMinor())
                .param("currency", amount != null ? amount.currencyCode() : balance != null ? balance.currencyCode() : null)
                .param("balance", balance == null ? null : balance.amountMinor())
                .param("account", facts.accountMasked()).param("counterparty", facts.counterpartyMasked())
                .param("reason", facts.reason())
                .param("lockedUntil", facts.lockedUntil() == null ? null : Timestamp.from(facts.lockedUntil()))
                .param("accountId", facts.accountId())
                .param("network", facts.networkMasked())
                .param("createdAt", Timestamp.from(createdAt))
                .update() == 1;
    }

    public Optional<StoredNotification> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from notifications where id = :id").param("id", id)
                .query(NotificationStore::row).optional();
    }

    /** Keeps the first rendering: every channel and the inbox then say the same thing in the same language. */
    public void saveRendering(UUID id, String language, String title, String body) {
        jdbc.sql("update notifications set language = :language, title = :title, body = :body where id = :id and title is null")
                .param("id", id).param("language", language).param("title", title).param("body", body)
                .update();
    }

    /** The customer's newest notifications, older than {@code before} when given; {@code limit} rows at most. */
    public List<StoredNotification> newest(UUID customerId, UUID before, int limit) {
        return jdbc.sql("select " + COLUMNS + " from notifications where customer_id = :customer"
                        + (before == null ? "" : " and id < :before") + " order by id desc limit :limit")
                .param("customer", customerId).param("limit", limit)
                .params(before == null ? java.util.Map.of() : java.util.Map.of("before", before))
                .query(NotificationStore::row).list();
    }

    private static StoredNotification row(ResultSet row, int number) throws SQLException {
        String currency = row.getString("currency");
        Long amount = (Long) row.getObject("amount_minor");
        Long balance = (Long) row.getObject("balance_after_minor");
        Timestamp lockedUntil = row.getTimestamp("locked_until");
        NotificationFacts facts = new NotificationFacts(
                amount == null ? null : Money.ofMinor(amount, currency),
                row.getString("account_masked"), row.getString("counterparty_masked"),
                balance == null ? null : Money.ofMinor(balance, currency),
                row.getString("reason"), lockedUntil == null ? null : lockedUntil.toInstant(),
                row.getObject("account_id", UUID.class), row.getString("network_masked"));
        return new StoredNotification(row.getObject("id", UUID.class), row.getObject("customer_id", UUID.class),
                NotificationKind.fromWireName(row.getString("kind")), facts, row.getString("language"),
                row.getString("title"), row.getString("body"), row.getTimestamp("created_at").toInstant());
    }
}

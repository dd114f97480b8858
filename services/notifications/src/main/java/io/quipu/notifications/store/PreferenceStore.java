package io.quipu.notifications.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.quipu.notifications.domain.Channel;
import io.quipu.notifications.domain.NotificationKind;
import io.quipu.notifications.domain.Preferences;

/** The channels each customer chose per kind. */
@Repository
public class PreferenceStore {

    private final JdbcClient jdbc;

    public PreferenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Preferences find(UUID customerId) {
        Map<NotificationKind, Set<Channel>> chosen = new EnumMap<>(NotificationKind.class);
        jdbc.sql("select kind, channels from preferences where customer_id = :customer").param("customer", customerId)
                .query((row, number) -> {
                    Set<Channel> channels = EnumSet.noneOf(Channel.class);
                    Arrays.stream(row.getString("channels").split(",")).filter(name -> !name.isBlank())
                            .map(Channel::fromWireName).forEach(channels::add);
                    chosen.put(NotificationKind.fromWireName(row.getString("kind")), channels);
                    return null;
                }).list();
        return new Preferences(chosen);
    }

    public void save(UUID customerId, NotificationKind kind, Set<Channel> channels, Instant now) {
        String names = channels.stream().sorted().map(Channel::wireName).collect(Collectors.joining(","));
        jdbc.sql("""
                        insert into preferences (customer_id, kind, channels, updated_at) values (:customer, :kind, :channels, :now)
                        on conflict (customer_id, kind) do update set channels = excluded.channels, updated_at = excluded.updated_at""")
                .param("customer", customerId).param("kind", kind.wireName()).param("channels", names)
                .param("now", Timestamp.from(now))
                .update();
    }
}

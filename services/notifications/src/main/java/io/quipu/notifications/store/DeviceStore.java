package io.quipu.notifications.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The customers' devices that take push notifications. */
@Repository
public class DeviceStore {

    /** A device as stored; the token is the push provider's and never leaves this service. */
    public record Device(UUID id, UUID customerId, String token, String platform, String label, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    public DeviceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Registers the token for the customer; a token registered before (the app registers again at every start) is
     * moved to this customer, who is the one logged in on that phone now, and keeps its label unless a new one is given.
     */
    public Device register(UUID customerId, String token, String platform, String label, Instant now) {
        return jdbc.sql("""
                        insert into devices (id, customer_id, token, platform, label, created_at)
                        values (:id, :customer, :token, :platform, :label, :now)
                        on conflict (token) do update set customer_id = excluded.customer_id, platform = excluded.platform,
                            label = coalesce(excluded.label, devices.label)
                        returning id, customer_id, token, platform, label, created_at""")
                .param("id", io.quipu.platform.id.Ids.newId()).param("customer", customerId).param("token", token)
                .param("platform", platform).param("label", label).param("now", Timestamp.from(now))
                .query(DeviceStore::row).single();
    }

    /** The customer's devices, oldest first, at most {@code limit}. */
    public List<Device> ofCustomer(UUID customerId, int limit) {
        return jdbc.sql("select id, customer_id, token, platform, label, created_at from devices where customer_id = :customer "
                        + "order by created_at, id limit :limit")
                .param("customer", customerId).param("limit", limit).query(DeviceStore::row).list();
    }

    public int count(UUID customerId) {
        return jdbc.sql("select count(*) from devices where customer_id = :customer").param("customer", customerId)
                .query(Integer.class).single();
    }

    /** @return whether the customer had that device */
    public boolean delete(UUID customerId, UUID deviceId) {
        return jdbc.sql("delete from devices where id = :id and customer_id = :customer")
                .param("id", deviceId).param("customer", customerId).update() == 1;
    }

    /** Forgets a token the push provider no longer knows. */
    public void deleteToken(String token) {
        jdbc.sql("delete from devices where token = :token").param("token", token).update();
    }

    private static Device row(java.sql.ResultSet row, int number) throws java.sql.SQLException {
        return new Device(row.getObject("id", UUID.class), row.getObject("customer_id", UUID.class), row.getString("token"),
                row.getString("platform"), row.getString("label"), row.getTimestamp("created_at").toInstant());
    }
}

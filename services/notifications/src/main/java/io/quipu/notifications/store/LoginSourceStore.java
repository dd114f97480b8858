package io.quipu.notifications.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The networks each customer logged in from, kept as hashes (no address is stored), at most {@value #MAX_PER_CUSTOMER}. */
@Repository
public class LoginSourceStore {

    public static final int MAX_PER_CUSTOMER = 50;

    /** What a login's network is to the customer. */
    public enum Seen { FIRST_LOGIN, NEW_NETWORK, KNOWN_NETWORK }

    private final JdbcClient jdbc;

    public LoginSourceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Remembers the network and says whether it is the customer's first login, a network not seen before, or known. */
    public Seen remember(UUID customerId, String network, Instant at) {
        boolean loggedInBefore = jdbc.sql("select exists (select 1 from login_sources where customer_id = :customer)")
                .param("customer", customerId).query(Boolean.class).single();
        boolean added = jdbc.sql("""
                        insert into login_sources (customer_id, source_sha256, first_seen_at) values (:customer, :source, :at)
                        on conflict (customer_id, source_sha256) do nothing""")
                .param("customer", customerId).param("source", sha256(network)).param("at", Timestamp.from(at))
                .update() == 1;
        if (added) {
            jdbc.sql("""
                            delete from login_sources where customer_id = :customer and source_sha256 not in (
                                select source_sha256 from login_sources where customer_id = :customer
                                order by first_seen_at desc limit :keep)""")
                    .param("customer", customerId).param("keep", MAX_PER_CUSTOMER).update();
        }
        return !loggedInBefore ? Seen.FIRST_LOGIN : added ? Seen.NEW_NETWORK : Seen.KNOWN_NETWORK;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    }
}

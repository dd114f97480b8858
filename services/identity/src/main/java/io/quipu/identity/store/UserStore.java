package io.quipu.identity.store;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.quipu.identity.domain.LockoutPolicy;
import io.quipu.platform.id.Ids;

@Repository
public class UserStore {

    private static final String COLUMNS = """
            id, username, kind, customer_id, roles, phone, password_hash, status, consecutive_failures, lockout_count,
            locked_until, created_at""";
    private static final RowMapper<UserRecord> USER = UserStore::map;

    private final JdbcClient jdbc;

    public UserStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the user unless the username or customer id is taken; true when inserted. */
    public boolean insertIfAbsent(UserRecord user) {
        return jdbc.sql("""
                        insert into users (id, username, kind, customer_id, roles, phone, password_hash, status, created_at, updated_at)
                        values (:id, :username, :kind, :customerId, string_to_array(:roles, ','), :phone, :passwordHash,
                                :status, :createdAt, :createdAt)
                        on conflict do nothing""")
                .param("id", user.id()).param("username", user.username()).param("kind", user.kind())
                .param("customerId", user.customerId()).param("roles", String.join(",", user.roles()))
                .param("phone", user.phone()).param("passwordHash", user.passwordHash()).param("status", user.status())
                .param("createdAt", Timestamp.from(user.createdAt()))
                .update() == 1;
    }

    public Optional<UserRecord> findByUsername(String normalizedUsername) {
        return jdbc.sql("select " + COLUMNS + " from users where username = :username")
                .param("username", normalizedUsername).query(USER).optional();
    }

    public Optional<UserRecord> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = :id").param("id", id).query(USER).optional();
    }

    /** The user, row-locked until the transaction ends: failures of concurrent logins are counted one after another. */
    public Optional<UserRecord> findForUpdate(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from users where id = :id for update").param("id", id).query(USER).optional();
    }

    public void updatePasswordHash(UUID id, String passwordHash, Instant now) {
        jdbc.sql("update users set password_hash = :hash, updated_at = :now where id = :id")
                .param("hash", passwordHash).param("now", Timestamp.from(now)).param("id", id)
                .update();
    }

    public void saveLockout(UUID id, LockoutPolicy.State state, Instant now) {
        jdbc.sql("""
                        update users set consecutive_failures = :failures, lockout_count = :lockouts, locked_until = :lockedUntil,
                               updated_at = :now where id = :id""")
                .param("failures", state.consecutiveFailures()).param("lockouts", state.lockoutCount())
                .param("lockedUntil", state.lockedUntil() == null ? null : Timestamp.from(state.lockedUntil()))
                .param("now", Timestamp.from(now)).param("id", id)
                .update();
    }

    public void recordLockout(UUID userId, Instant lockedAt, Instant lockedUntil, int lockNumber) {
        jdbc.sql("""
                        insert into lockouts (id, user_id, locked_at, locked_until, lock_number)
                        values (:id, :userId, :lockedAt, :lockedUntil, :lockNumber)""")
                .param("id", Ids.newId()).param("userId", userId).param("lockedAt", Timestamp.from(lockedAt))
                .param("lockedUntil", Timestamp.from(lockedUntil)).param("lockNumber", lockNumber)
                .update();
    }

    private static UserRecord map(ResultSet row, int index) throws SQLException {
        Array rolesArray = row.getArray("roles");
        Set<String> roles = new LinkedHashSet<>();
        if (rolesArray != null) {
            for (Object role : (Object[]) rolesArray.getArray()) {
                roles.add((String) role);
            }
        }
        Timestamp lockedUntil = row.getTimestamp("locked_until");
        return new UserRecord(
                row.getObject("id", UUID.class),
                row.getString("username"),
                row.getString("kind"),
                row.getObject("customer_id", UUID.class),
                Set.copyOf(roles),
                row.getString("phone"),
                row.getString("password_hash"),
                row.getString("status"),
                new LockoutPolicy.State(row.getInt("consecutive_failures"), row.getInt("lockout_count"),
                        lockedUntil == null ? null : lockedUntil.toInstant()),
                row.getTimestamp("created_at").toInstant());
    }
}

package io.quipu.identity.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.yubico.webauthn.CredentialRepository;
import com.yubico.webauthn.RegisteredCredential;
import com.yubico.webauthn.data.ByteArray;
import com.yubico.webauthn.data.PublicKeyCredentialDescriptor;

import io.quipu.identity.domain.Passkeys;

/**
 * Passkeys and their pending challenges. Also the credential lookups the WebAuthn library needs; its "username" is
 * the user's normalized username.
 */
@Repository
public class PasskeyStore implements CredentialRepository {

    /** A stored passkey, without its public key (what the user's list shows). */
    public record StoredPasskey(UUID id, UUID userId, byte[] credentialId, String label, long signatureCount,
                                Instant createdAt, Instant lastUsedAt) {
    }

    public record StoredChallenge(UUID id, UUID userId, UUID loginId, String purpose, String requestJson, Instant expiresAt,
                                  Instant consumedAt) {
    }

    public static final String REGISTRATION = "registration";
    public static final String ASSERTION = "assertion";

    private static final String PASSKEY_COLUMNS = "id, user_id, credential_id, label, signature_count, created_at, last_used_at";

    private final JdbcClient jdbc;

    public PasskeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- passkeys ---------------------------------------------------------------------------------------------------

    public void insert(UUID id, UUID userId, byte[] credentialId, byte[] userHandle, byte[] publicKeyCose, long signatureCount,
                       String label, Instant now) {
        jdbc.sql("""
                        insert into passkeys (id, user_id, credential_id, user_handle, public_key_cose, signature_count, label, created_at)
                        values (:id, :userId, :credentialId, :userHandle, :publicKeyCose, :signatureCount, :label, :now)""")
                .param("id", id).param("userId", userId).param("credentialId", credentialId).param("userHandle", userHandle)
                .param("publicKeyCose", publicKeyCose).param("signatureCount", signatureCount).param("label", label)
                .param("now", Timestamp.from(now))
                .update();
    }

    public List<StoredPasskey> findByUser(UUID userId) {
        return jdbc.sql("select " + PASSKEY_COLUMNS + " from passkeys where user_id = :userId order by created_at limit :limit")
                .param("userId", userId).param("limit", Passkeys.MAX_PER_USER)
                .query((row, index) -> passkey(row))
                .list();
    }

    public Optional<StoredPasskey> findByCredentialId(byte[] credentialId) {
        return jdbc.sql("select " + PASSKEY_COLUMNS + " from passkeys where credential_id = :credentialId")
                .param("credentialId", credentialId)
                .query((row, index) -> passkey(row))
                .optional();
    }

    public int countByUser(UUID userId) {
        return jdbc.sql("select count(*) from passkeys where user_id = :userId").param("userId", userId)
                .query(Integer.class).single();
    }

    /** Deletes the passkey only if it is the user's: someone else's id deletes nothing. */
    public boolean delete(UUID id, UUID userId) {
        return jdbc.sql("delete from passkeys where id = :id and user_id = :userId")
                .param("id", id).param("userId", userId).update() > 0;
    }

    public void recordUse(byte[] credentialId, long signatureCount, Instant now) {
        jdbc.sql("update passkeys set signature_count = :signatureCount, last_used_at = :now where credential_id = :credentialId")
                .param("signatureCount", signatureCount).param("now", Timestamp.from(now)).param("credentialId", credentialId)
                .update();
    }

    private static StoredPasskey passkey(ResultSet row) throws SQLException {
        Timestamp lastUsed = row.getTimestamp("last_used_at");
        return new StoredPasskey(row.getObject("id", UUID.class), row.getObject("user_id", UUID.class),
                row.getBytes("credential_id"), row.getString("label"), row.getLong("signature_count"),
                row.getTimestamp("created_at").toInstant(), lastUsed == null ? null : lastUsed.toInstant());
    }

    // --- challenges -------------------------------------------------------------------------------------------------

    public void insertChallenge(UUID id, UUID userId, UUID loginId, String purpose, String requestJson, Instant now,
                                Instant expiresAt) {
        jdbc.sql("""
                        insert into passkey_challenges (id, user_id, login_id, purpose, request_json, created_at, expires_at)
                        values (:id, :userId, :loginId, :purpose, :requestJson, :now, :expiresAt)""")
                .param("id", id).param("userId", userId).param("loginId", loginId).param("purpose", purpose)
                .param("requestJson", requestJson).param("now", Timestamp.from(now)).param("expiresAt", Timestamp.from(expiresAt))
                .update();
    }

    /** Row-locked: two answers to one challenge are checked one after the other, and only the first can use it. */
    public Optional<StoredChallenge> findChallengeForUpdate(UUID id, String purpose) {
        return jdbc.sql("""
                        select id, user_id, login_id, purpose, request_json, expires_at, consumed_at
                        from passkey_challenges where id = :id and purpose = :purpose for update""")
                .param("id", id).param("purpose", purpose)
                .query((row, index) -> challenge(row))
                .optional();
    }

    /** The newest challenge of a login (row-locked); older ones were consumed when it was created. */
    public Optional<StoredChallenge> findLatestAssertionForUpdate(UUID loginId) {
        return jdbc.sql("""
                        select id, user_id, login_id, purpose, request_json, expires_at, consumed_at
                        from passkey_challenges where login_id = :loginId and purpose = 'assertion'
                        order by created_at desc, id desc limit 1 for update""")
                .param("loginId", loginId)
                .query((row, index) -> challenge(row))
                .optional();
    }

    public void consumeChallenge(UUID id, Instant now) {
        jdbc.sql("update passkey_challenges set consumed_at = :now where id = :id and consumed_at is null")
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    /** Consumes a login's open challenges: only the newest options are answerable. */
    public void consumeAssertionChallenges(UUID loginId, Instant now) {
        jdbc.sql("update passkey_challenges set consumed_at = :now where login_id = :loginId and consumed_at is null")
                .param("now", Timestamp.from(now)).param("loginId", loginId).update();
    }

    public int countPendingRegistrations(UUID userId, Instant now) {
        return jdbc.sql("""
                        select count(*) from passkey_challenges
                        where user_id = :userId and purpose = 'registration' and consumed_at is null and expires_at > :now""")
                .param("userId", userId).param("now", Timestamp.from(now))
                .query(Integer.class).single();
    }

    /** Deletes at most {@code limit} challenges that expired before {@code before}; returns how many. */
    public int deleteExpiredChallenges(Instant before, int limit) {
        return jdbc.sql("""
                        delete from passkey_challenges where id in (
                            select id from passkey_challenges where expires_at < :before limit :limit)""")
                .param("before", Timestamp.from(before)).param("limit", limit)
                .update();
    }

    private static StoredChallenge challenge(ResultSet row) throws SQLException {
        Timestamp consumed = row.getTimestamp("consumed_at");
        return new StoredChallenge(row.getObject("id", UUID.class), row.getObject("user_id", UUID.class),
                row.getObject("login_id", UUID.class), row.getString("purpose"), row.getString("request_json"),
                row.getTimestamp("expires_at").toInstant(), consumed == null ? null : consumed.toInstant());
    }

    // --- the WebAuthn library's lookups -----------------------------------------------------------------------------

    @Override
    public Set<PublicKeyCredentialDescriptor> getCredentialIdsForUsername(String username) {
        return jdbc.sql("""
                        select p.credential_id from passkeys p join users u on u.id = p.user_id
                        where u.username = :username order by p.created_at limit :limit""")
                .param("username", username).param("limit", Passkeys.MAX_PER_USER)
                .query((row, index) -> PublicKeyCredentialDescriptor.builder().id(new ByteArray(row.getBytes(1))).build())
                .list().stream().collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    @Override
    public Optional<ByteArray> getUserHandleForUsername(String username) {
        return jdbc.sql("select id from users where username = :username").param("username", username)
                .query(UUID.class).optional().map(id -> new ByteArray(Passkeys.userHandle(id)));
    }

    @Override
    public Optional<String> getUsernameForUserHandle(ByteArray userHandle) {
        return Passkeys.userIdOfHandle(userHandle.getBytes())
                .flatMap(id -> jdbc.sql("select username from users where id = :id").param("id", id).query(String.class).optional());
    }

    @Override
    public Optional<RegisteredCredential> lookup(ByteArray credentialId, ByteArray userHandle) {
        return jdbc.sql("""
                        select credential_id, user_handle, public_key_cose, signature_count from passkeys
                        where credential_id = :credentialId and user_handle = :userHandle""")
                .param("credentialId", credentialId.getBytes()).param("userHandle", userHandle.getBytes())
                .query((row, index) -> registered(row))
                .optional();
    }

    @Override
    public Set<RegisteredCredential> lookupAll(ByteArray credentialId) {
        return Set.copyOf(jdbc.sql("""
                        select credential_id, user_handle, public_key_cose, signature_count from passkeys
                        where credential_id = :credentialId""")
                .param("credentialId", credentialId.getBytes())
                .query((row, index) -> registered(row))
                .list());
    }

    private static RegisteredCredential registered(ResultSet row) throws SQLException {
        return RegisteredCredential.builder()
                .credentialId(new ByteArray(row.getBytes("credential_id")))
                .userHandle(new ByteArray(row.getBytes("user_handle")))
                .publicKeyCose(new ByteArray(row.getBytes("public_key_cose")))
                .signatureCount(row.getLong("signature_count"))
                .build();
    }
}

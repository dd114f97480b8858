package io.quipu.identity.application;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import io.quipu.identity.store.SigningKeyStore;
import io.quipu.platform.id.Ids;

/**
 * The ONE source of signing keys, for the authorization server's endpoints (JWKS, client-credentials tokens) and for
 * login tokens alike. Keys live in the identity database, so a restart (or a second instance) signs with the same key;
 * the active key signs, retired keys stay in the JWKS for {@code retiredKeyRetention} so tokens they signed still
 * validate. Cached in memory and reloaded every {@link #RELOAD_INTERVAL}, so a rotation on one instance reaches all.
 */
public class SigningKeys implements JWKSource<SecurityContext> {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    static final Duration RELOAD_INTERVAL = Duration.ofSeconds(60);
    private static final int RSA_KEY_BITS = 2048;

    private final SigningKeyStore store;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration retiredKeyRetention;
    private volatile Loaded loaded;

    private record Loaded(JWKSet keys, String activeKeyId, Instant loadedAt) {
    }

    public SigningKeys(SigningKeyStore store, TransactionTemplate transactions, Clock clock, Duration retiredKeyRetention) {
        this.store = store;
        this.transactions = transactions;
        this.clock = clock;
        this.retiredKeyRetention = retiredKeyRetention;
    }

    /** Makes sure an active key exists (creating the first one) and loads the keys. */
    public void initialize() {
        transactions.executeWithoutResult(status -> {
            int sealed = store.sealAtRest();
            if (sealed > 0) {
                log.info("sealed {} private signing keys under the active encryption key (stored in the clear by an "
                        + "earlier version, or under a retired key)", sealed);
            }
            if (store.published(clock.instant().minus(retiredKeyRetention)).stream().noneMatch(SigningKeyStore.StoredKey::active)) {
                store.insertActiveIfNone(newKey());
            }
        });
        reload();
    }

    /** Retires the active key (still published) and starts signing with a new one. */
    public String rotate() {
        SigningKeyStore.StoredKey key = newKey();
        transactions.executeWithoutResult(status -> {
            store.retireActive(clock.instant());
            store.insertActiveIfNone(key);
        });
        reload();
        log.info("signing key rotated, new key id {}", key.keyId());
        return key.keyId();
    }

    /** The key id every token is signed with (set in the JWS header, so verifiers pick the right key). */
    public String activeKeyId() {
        return current().activeKeyId();
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(current().keys());
    }

    private Loaded current() {
        Loaded snapshot = loaded;
        // abs(): a clock set back (NTP) must not freeze the cache until it catches up again
        if (snapshot == null || Duration.between(snapshot.loadedAt(), clock.instant()).abs().compareTo(RELOAD_INTERVAL) > 0) {
            try {
                return reload();
            } catch (RuntimeException e) {
                if (snapshot == null) {
                    throw e;
                }
                log.warn("reloading signing keys failed, keeping the loaded ones: {}", e.toString());
            }
        }
        return snapshot;
    }

    private synchronized Loaded reload() {
        List<JWK> keys = new ArrayList<>();
        String active = null;
        for (SigningKeyStore.StoredKey stored : store.published(clock.instant().minus(retiredKeyRetention))) {
            keys.add(toJwk(stored));
            if (stored.active()) {
                active = stored.keyId();
            }
        }
        if (active == null) {
            throw new IllegalStateException("no active signing key");
        }
        Loaded fresh = new Loaded(new JWKSet(keys), active, clock.instant());
        loaded = fresh;
        return fresh;
    }

    private SigningKeyStore.StoredKey newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_KEY_BITS);
            KeyPair pair = generator.generateKeyPair();
            return new SigningKeyStore.StoredKey("quipu-" + Ids.newId(), JWSAlgorithm.RS256.getName(),
                    pair.getPublic().getEncoded(), pair.getPrivate().getEncoded(), true, clock.instant(), null);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }

    private static JWK toJwk(SigningKeyStore.StoredKey stored) {
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            RSAPublicKey publicKey = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(stored.publicKey()));
            RSAKey.Builder builder = new RSAKey.Builder(publicKey)
                    .keyID(stored.keyId())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.parse(stored.algorithm()));
            if (stored.active()) {
                // Only the active key can sign; a retired key is kept for verifying what it signed.
                builder.privateKey((RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(stored.privateKey())));
            }
            return builder.build();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("stored signing key " + stored.keyId() + " cannot be read", e);
        }
    }
}

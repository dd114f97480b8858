package io.quipu.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts sensitive columns (document numbers, phone numbers, birth dates) with AES-256-GCM.
 *
 * <p>A stored value reads {@code v1:<keyId>:<base64url(iv ‖ ciphertext ‖ tag)>}: a fresh random 12-byte IV per value
 * and a 16-byte tag. The associated data (say {@code "customers.document_number:" + rowId}) is authenticated but not
 * stored, so a value copied to another row or column fails to decrypt instead of passing for that row's data.
 *
 * <p>Rotation: new values use the active key, older ones keep decrypting with the key named in them, and
 * {@link #needsReencryption} finds those to rewrite. Random 96-bit IVs stay safe for 2³² values per key (NIST SP
 * 800-38D), far beyond what one key should live to see.
 *
 * <p>{@link #blindIndex} gives an equality-searchable HMAC-SHA-256 of a value under a separate index key. That key
 * must not rotate casually: every stored index would have to be recomputed from the decrypted values at once, or
 * lookups would miss.
 *
 * <p>Thread-safe: the keys are immutable and every call makes its own {@link Cipher} and {@link Mac}.
 */
public final class FieldCipher {

    public static final String VERSION = "v1";
    public static final int KEY_BYTES = 32;
    public static final int INDEX_KEY_MINIMUM_BYTES = 32;
    public static final Pattern KEY_ID = Pattern.compile("[a-z0-9-]{1,16}");

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final String INDEX_ALGORITHM = "HmacSHA256";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKeySpec> keys;
    private final String activeKeyId;
    private final SecretKeySpec indexKey;

    /**
     * @param keys        key id → 32-byte AES key; every key that ever encrypted a stored value must stay here
     * @param activeKeyId the key new values are encrypted with
     * @param indexKey    at least 32 bytes for {@link #blindIndex}, different from every encryption key; null when
     *                    nothing is looked up by value (then {@link #blindIndex} refuses)
     */
    public FieldCipher(Map<String, byte[]> keys, String activeKeyId, byte[] indexKey) {
        Objects.requireNonNull(keys, "keys");
        if (keys.isEmpty()) {
            throw new FieldCipherException("no field encryption keys configured");
        }
        Map<String, SecretKeySpec> checked = new HashMap<>();
        keys.forEach((keyId, key) -> {
            if (keyId == null || !KEY_ID.matcher(keyId).matches()) {
                throw new FieldCipherException("key id must be 1 to 16 characters a-z, 0-9 or '-': " + keyId);
            }
            if (key == null || key.length != KEY_BYTES) {
                throw new FieldCipherException("key " + keyId + " must be " + KEY_BYTES + " bytes (AES-256), has "
                        + (key == null ? 0 : key.length));
            }
            checked.put(keyId, new SecretKeySpec(key, "AES"));
        });
        if (activeKeyId == null || !checked.containsKey(activeKeyId)) {
            throw new FieldCipherException("active key id " + activeKeyId + " is not among the keys " + checked.keySet());
        }
        if (indexKey != null && indexKey.length < INDEX_KEY_MINIMUM_BYTES) {
            throw new FieldCipherException("blind index key must have at least " + INDEX_KEY_MINIMUM_BYTES + " bytes");
        }
        // One key for two algorithms weakens both; a copy-paste mistake in the configuration is the usual cause.
        if (indexKey != null && keys.values().stream().anyMatch(key -> MessageDigest.isEqual(key, indexKey))) {
            throw new FieldCipherException("blind index key must differ from every encryption key");
        }
        this.keys = Map.copyOf(checked);
        this.activeKeyId = activeKeyId;
        this.indexKey = indexKey == null ? null : new SecretKeySpec(indexKey, INDEX_ALGORITHM);
    }

    /**
     * The cipher from configuration text: {@code keysSpec} is {@code "k1:<base64 of 32 bytes>,k2:<base64>"}, the index
     * key is base64 as well (null: no blind index). Standard and URL-safe base64 are both accepted.
     */
    public static FieldCipher fromConfiguration(String keysSpec, String activeKeyId, String indexKeyBase64) {
        if (keysSpec == null || keysSpec.isBlank()) {
            throw new FieldCipherException("no field encryption keys configured");
        }
        Map<String, byte[]> keys = new HashMap<>();
        for (String entry : keysSpec.split(",")) {
            String[] idAndKey = entry.strip().split(":", 2);
            if (idAndKey.length != 2) {
                throw new FieldCipherException("each key must be written <keyId>:<base64 key>; got an entry without ':'");
            }
            String keyId = idAndKey[0].strip();
            if (keys.put(keyId, decodeBase64(idAndKey[1].strip(), "key " + keyId)) != null) {
                throw new FieldCipherException("key id " + keyId + " appears twice");
            }
        }
        return new FieldCipher(keys, activeKeyId == null ? null : activeKeyId.strip(),
                indexKeyBase64 == null ? null : decodeBase64(indexKeyBase64.strip(), "blind index key"));
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    /**
     * What every value encrypted with the active key starts with, so a query can find the values to re-encrypt
     * ({@code not like prefix || '%'}) without decrypting anything. Key ids hold no SQL wildcard characters.
     */
    public String activeKeyPrefix() {
        return VERSION + ":" + activeKeyId + ":";
    }

    /** {@code plaintext} encrypted with the active key, bound to {@code associatedData}. */
    public String encrypt(String plaintext, String associatedData) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(associatedData, "associatedData");
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] payload = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, payload, 0, IV_BYTES);
            System.arraycopy(sealed, 0, payload, IV_BYTES, sealed.length);
            return activeKeyPrefix() + Base64.getUrlEncoder().withoutPadding().encodeToString(payload);
        } catch (GeneralSecurityException e) {
            throw new FieldCipherException("cannot encrypt with key " + activeKeyId, e);
        }
    }

    /**
     * The plaintext of a value {@link #encrypt} produced with the same {@code associatedData}. Throws
     * {@link FieldCipherException} for a malformed value, an unknown key id, a value changed after encryption, or
     * another row's or column's associated data: never a wrong plaintext.
     */
    public String decrypt(String stored, String associatedData) {
        Objects.requireNonNull(associatedData, "associatedData");
        StoredValue value = StoredValue.parse(stored);
        SecretKeySpec key = keys.get(value.keyId());
        if (key == null) {
            throw new FieldCipherException("value was encrypted with key " + value.keyId()
                    + ", which is not configured; keep retired keys until every value is re-encrypted");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, value.payload(), 0, IV_BYTES));
            cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
            byte[] plaintext = cipher.doFinal(value.payload(), IV_BYTES, value.payload().length - IV_BYTES);
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new FieldCipherException("value fails authentication: it was altered, or it belongs to another "
                    + "row or column than the associated data names", e);
        } catch (GeneralSecurityException e) {
            throw new FieldCipherException("cannot decrypt with key " + value.keyId(), e);
        }
    }

    /** Whether {@code stored} was encrypted with a key other than the active one and should be rewritten. */
    public boolean needsReencryption(String stored) {
        return !StoredValue.parse(stored).keyId().equals(activeKeyId);
    }

    /**
     * A deterministic, URL-safe HMAC-SHA-256 of {@code value}, for unique lookups without decrypting. Equal inputs
     * give equal indexes, so normalise the value first (one document number must have one spelling).
     */
    public String blindIndex(String value) {
        Objects.requireNonNull(value, "value");
        if (indexKey == null) {
            throw new FieldCipherException("no blind index key configured");
        }
        try {
            Mac mac = Mac.getInstance(INDEX_ALGORITHM);
            mac.init(indexKey);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new FieldCipherException("cannot compute a blind index", e);
        }
    }

    private static byte[] decodeBase64(String text, String what) {
        try {
            return Base64.getDecoder().decode(text.replace('-', '+').replace('_', '/'));
        } catch (IllegalArgumentException e) {
            throw new FieldCipherException(what + " is not valid base64");
        }
    }

    /** The parts of {@code v1:<keyId>:<payload>}. */
    private record StoredValue(String keyId, byte[] payload) {

        static StoredValue parse(String stored) {
            if (stored == null) {
                throw new FieldCipherException("no stored value to decrypt");
            }
            String[] parts = stored.split(":", -1);
            if (parts.length != 3 || !parts[0].equals(VERSION) || !KEY_ID.matcher(parts[1]).matches()) {
                throw new FieldCipherException("not an encrypted field value (expected " + VERSION + ":<keyId>:<data>)");
            }
            byte[] payload;
            try {
                payload = Base64.getUrlDecoder().decode(parts[2]);
            } catch (IllegalArgumentException e) {
                throw new FieldCipherException("encrypted field value is not valid base64url");
            }
            if (payload.length < IV_BYTES + TAG_BITS / 8) {
                throw new FieldCipherException("encrypted field value is too short to hold an IV and a tag");
            }
            return new StoredValue(parts[1], payload);
        }
    }
}

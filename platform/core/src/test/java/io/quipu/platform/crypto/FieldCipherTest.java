package io.quipu.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FieldCipherTest {

    private static final byte[] KEY_ONE = filled(1, 32);
    private static final byte[] KEY_TWO = filled(2, 32);
    private static final byte[] INDEX_KEY = filled(9, 32);
    private static final String ROW = "customers.document_number:0190a3b4-0000-7000-8000-000000000001";
    private static final String OTHER_ROW = "customers.document_number:0190a3b4-0000-7000-8000-000000000002";

    private final FieldCipher cipher = new FieldCipher(Map.of("k1", KEY_ONE), "k1", INDEX_KEY);

    @ParameterizedTest
    @ValueSource(strings = {"12345678", "", "+51987654321", "1990-02-28", "Peña Ñahui — 日本 😀"})
    void decryptsWhatItEncrypted(String plaintext) {
        String stored = cipher.encrypt(plaintext, ROW);
        assertThat(stored).matches("v1:k1:[A-Za-z0-9_-]+");
        assertThat(cipher.decrypt(stored, ROW)).isEqualTo(plaintext);
    }

    @Test
    void usesAFreshIvForEveryValue() {
        Set<String> ivs = new HashSet<>();
        Set<String> values = new HashSet<>();
        for (int round = 0; round < 200; round++) {
            String stored = cipher.encrypt("12345678", ROW);
            values.add(stored);
            ivs.add(Arrays.toString(Arrays.copyOf(payload(stored), 12)));
        }
        assertThat(values).hasSize(200);
        assertThat(ivs).hasSize(200);
    }

    @Test
    void storesIvCiphertextAndTag() {
        assertThat(payload(cipher.encrypt("12345678", ROW))).hasSize(12 + 8 + 16);
    }

    @Test
    void detectsAnyFlippedByte() {
        String stored = cipher.encrypt("12345678", ROW);
        byte[] payload = payload(stored);
        for (int position = 0; position < payload.length; position++) {
            byte[] tampered = payload.clone();
            tampered[position] ^= 0x01;
            String altered = "v1:k1:" + Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
            assertThatThrownBy(() -> cipher.decrypt(altered, ROW)).as("byte %d", position)
                    .isInstanceOf(FieldCipherException.class).hasMessageContaining("fails authentication");
        }
    }

    @Test
    void refusesAValueMovedToAnotherRowOrColumn() {
        String stored = cipher.encrypt("12345678", ROW);
        assertThatThrownBy(() -> cipher.decrypt(stored, OTHER_ROW))
                .isInstanceOf(FieldCipherException.class).hasMessageContaining("another row or column");
        assertThatThrownBy(() -> cipher.decrypt(stored, "customers.phone:0190a3b4-0000-7000-8000-000000000001"))
                .isInstanceOf(FieldCipherException.class);
    }

    @Test
    void keepsDecryptingWithRetiredKeysAfterRotation() {
        String oldValue = cipher.encrypt("12345678", ROW);
        FieldCipher rotated = new FieldCipher(Map.of("k1", KEY_ONE, "k2", KEY_TWO), "k2", INDEX_KEY);

        assertThat(rotated.decrypt(oldValue, ROW)).isEqualTo("12345678");
        assertThat(rotated.needsReencryption(oldValue)).isTrue();
        String newValue = rotated.encrypt("12345678", ROW);
        assertThat(newValue).startsWith("v1:k2:");
        assertThat(rotated.activeKeyPrefix()).isEqualTo("v1:k2:");
        assertThat(oldValue).doesNotStartWith(rotated.activeKeyPrefix());
        assertThat(rotated.needsReencryption(newValue)).isFalse();
        assertThat(cipher.needsReencryption(oldValue)).isFalse();
        // The blind index does not depend on the encryption keys: lookups survive rotation.
        assertThat(rotated.blindIndex("12345678")).isEqualTo(cipher.blindIndex("12345678"));
    }

    @Test
    void refusesValuesOfKeysItDoesNotHave() {
        FieldCipher rotated = new FieldCipher(Map.of("k2", KEY_TWO), "k2", INDEX_KEY);
        String stored = cipher.encrypt("12345678", ROW);
        assertThatThrownBy(() -> rotated.decrypt(stored, ROW))
                .isInstanceOf(FieldCipherException.class).hasMessageContaining("key k1, which is not configured");
        // A value relabelled with another key id fails authentication rather than decrypting to garbage.
        String relabelled = stored.replace("v1:k1:", "v1:k2:");
        assertThatThrownBy(() -> rotated.decrypt(relabelled, ROW))
                .isInstanceOf(FieldCipherException.class).hasMessageContaining("fails authentication");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345678", "v1:k1", "v2:k1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "v1:K1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "v1:k1:not base64!", "v1:k1:AAAA", "v1:k1:AAAA:AAAA"})
    void refusesMalformedValues(String stored) {
        assertThatThrownBy(() -> cipher.decrypt(stored, ROW)).isInstanceOf(FieldCipherException.class);
        assertThatThrownBy(() -> cipher.needsReencryption(stored)).isInstanceOf(FieldCipherException.class);
    }

    @Test
    void blindIndexIsDeterministicAndKeyed() {
        String index = cipher.blindIndex("12345678");
        assertThat(index).isEqualTo(cipher.blindIndex("12345678")).matches("[A-Za-z0-9_-]{43}");
        assertThat(cipher.blindIndex("12345679")).isNotEqualTo(index);
        FieldCipher otherIndexKey = new FieldCipher(Map.of("k1", KEY_ONE), "k1", filled(7, 32));
        assertThat(otherIndexKey.blindIndex("12345678")).isNotEqualTo(index);
    }

    @Test
    void readsItsConfiguration() {
        String spec = " k1:" + Base64.getEncoder().encodeToString(KEY_ONE)
                + " , k2:" + Base64.getUrlEncoder().withoutPadding().encodeToString(KEY_TWO);
        FieldCipher configured = FieldCipher.fromConfiguration(spec, "k2", Base64.getEncoder().encodeToString(INDEX_KEY));
        assertThat(configured.activeKeyId()).isEqualTo("k2");
        assertThat(configured.decrypt(cipher.encrypt("12345678", ROW), ROW)).isEqualTo("12345678");
        assertThat(configured.blindIndex("12345678")).isEqualTo(cipher.blindIndex("12345678"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                                                   | k1 | no field encryption keys configured",
            "k1                                                   | k1 | written <keyId>:<base64 key>",
            "k1:AAAA                                              | k1 | key k1 must be 32 bytes (AES-256), has 3",
            "k1:%%%%                                              | k1 | key k1 is not valid base64",
            "K_1:AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=     | K_1 | key id must be 1 to 16 characters",
            "k1:AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=     | k2 | active key id k2 is not among the keys [k1]",
            "k1:AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=,k1:AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI= | k1 | key id k1 appears twice",
    })
    void explainsWhatIsWrongWithTheConfiguration(String keysSpec, String activeKeyId, String message) {
        String indexKey = Base64.getEncoder().encodeToString(INDEX_KEY);
        assertThatThrownBy(() -> FieldCipher.fromConfiguration(keysSpec, activeKeyId, indexKey))
                .isInstanceOf(FieldCipherException.class).hasMessageContaining(message);
    }

    @Test
    void refusesAWeakOrReusedIndexKey() {
        assertThatThrownBy(() -> new FieldCipher(Map.of("k1", KEY_ONE), "k1", filled(9, 16)))
                .isInstanceOf(FieldCipherException.class).hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> new FieldCipher(Map.of("k1", KEY_ONE), "k1", KEY_ONE.clone()))
                .isInstanceOf(FieldCipherException.class).hasMessageContaining("differ from every encryption key");
    }

    @Test
    void withoutAnIndexKeyItEncryptsButGivesNoBlindIndex() {
        FieldCipher sealOnly = FieldCipher.fromConfiguration("k1:" + Base64.getEncoder().encodeToString(KEY_ONE), "k1", null);
        assertThat(sealOnly.decrypt(cipher.encrypt("secret", ROW), ROW)).isEqualTo("secret");
        assertThatThrownBy(() -> sealOnly.blindIndex("12345678")).isInstanceOf(FieldCipherException.class)
                .hasMessageContaining("no blind index key");
    }

    @Test
    void neverPutsKeyMaterialInMessages() {
        String key = Base64.getEncoder().encodeToString(filled(5, 31));
        assertThatThrownBy(() -> FieldCipher.fromConfiguration("k1:" + key, "k1", Base64.getEncoder().encodeToString(INDEX_KEY)))
                .isInstanceOf(FieldCipherException.class).message().doesNotContain(key);
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int task = 0; task < 8; task++) {
                String plaintext = "value-" + task;
                tasks.add(() -> {
                    for (int round = 0; round < 200; round++) {
                        if (!cipher.decrypt(cipher.encrypt(plaintext, ROW), ROW).equals(plaintext)) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            for (Future<Boolean> result : executor.invokeAll(tasks)) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private static byte[] payload(String stored) {
        return Base64.getUrlDecoder().decode(stored.substring(stored.lastIndexOf(':') + 1));
    }

    private static byte[] filled(int value, int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}

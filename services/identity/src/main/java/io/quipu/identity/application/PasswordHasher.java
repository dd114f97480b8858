package io.quipu.identity.application;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import io.quipu.identity.domain.PasswordPolicy;

/**
 * bcrypt with cost 12 (about a quarter of a second per check): slow enough to make stolen hashes expensive to attack.
 * Deliberately not a {@code PasswordEncoder} bean, so the authorization server's client secrets keep their own encoding.
 */
public class PasswordHasher {

    public static final int COST = 12;

    private final BCryptPasswordEncoder encoder;
    /** Checked against when the username belongs to nobody, so that answer takes as long as a wrong password. */
    private final String dummyHash;

    public PasswordHasher(SecureRandom random) {
        this.encoder = new BCryptPasswordEncoder(COST, random);
        byte[] dummy = new byte[16];
        random.nextBytes(dummy);
        this.dummyHash = encoder.encode(HexFormat.of().formatHex(dummy));
    }

    public String hash(String password) {
        return encoder.encode(password);
    }

    /** False for a password bcrypt cannot take (over 72 bytes): no stored password is that long, the rules refuse it. */
    public boolean matches(String password, String hash) {
        if (password.getBytes(StandardCharsets.UTF_8).length > PasswordPolicy.MAXIMUM_UTF8_BYTES) {
            return matchesNothing();
        }
        return encoder.matches(password, hash);
    }

    /** Spends the time of one check and answers false. */
    public boolean matchesNothing() {
        encoder.matches("not-a-password", dummyHash);
        return false;
    }
}

package io.quipu.sandbox.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the one hash the simulators derive their deterministic answers from. */
public final class Hashes {

    private Hashes() {
    }

    public static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    /** The first eight bytes of the SHA-256 of the text: a seed that is the same on every machine and every run. */
    public static long seedOf(String text) {
        byte[] hash = sha256(text);
        long seed = 0;
        for (int index = 0; index < Long.BYTES; index++) {
            seed = (seed << 8) | (hash[index] & 0xFF);
        }
        return seed;
    }
}

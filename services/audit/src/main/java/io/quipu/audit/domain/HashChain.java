package io.quipu.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The audit log's hash chain (docs/audit.md). Each row carries
 * <pre>
 *   content_sha256 = hex(SHA-256(content))
 *   hash           = hex(SHA-256(UTF-8(decimal(sequence) + ":" + content_sha256 + ":" + previous_hash)))
 * </pre>
 * where hex is lowercase, {@code decimal(sequence)} has no sign, leading zeros or separators, and
 * {@code previous_hash} is the previous row's {@code hash}, or 64 zeros ({@link #GENESIS_HASH}) for sequence 1.
 * Changing any row's content, or its place in the chain, changes its hash and breaks every later link.
 */
public final class HashChain {

    /** The previous hash of the first row. */
    public static final String GENESIS_HASH = "0".repeat(64);
    public static final long FIRST_SEQUENCE = 1;
    private static final Pattern HEX_SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final char SEPARATOR = ':';

    private HashChain() {
    }

    /** Lowercase hex SHA-256 of the bytes as received. */
    public static String contentSha256(byte[] content) {
        if (content == null) {
            throw new IllegalArgumentException("content must not be null (an empty record is zero bytes)");
        }
        return HexFormat.of().formatHex(sha256().digest(content));
    }

    /** The hash of the row at {@code sequence}, given its content's hash and the previous row's hash. */
    public static String link(long sequence, String contentSha256, String previousHash) {
        if (sequence < FIRST_SEQUENCE) {
            throw new IllegalArgumentException("sequence starts at 1: " + sequence);
        }
        requireHexSha256("contentSha256", contentSha256);
        requireHexSha256("previousHash", previousHash);
        String linked = Long.toString(sequence) + SEPARATOR + contentSha256 + SEPARATOR + previousHash;
        return HexFormat.of().formatHex(sha256().digest(linked.getBytes(StandardCharsets.UTF_8)));
    }

    public static boolean isHexSha256(String value) {
        return value != null && HEX_SHA256.matcher(value).matches();
    }

    static void requireHexSha256(String name, String value) {
        if (!isHexSha256(value)) {
            throw new IllegalArgumentException(name + " must be 64 lowercase hex digits: " + value);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every Java platform has SHA-256", impossible);
        }
    }
}

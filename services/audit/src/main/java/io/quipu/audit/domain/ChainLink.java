package io.quipu.audit.domain;

/**
 * One row of the chain as stored, with the SHA-256 of its content computed again from the stored bytes
 * ({@code recomputedContentSha256}), which is what verification compares against the stored {@code contentSha256}.
 */
public record ChainLink(long sequence, String recomputedContentSha256, String contentSha256, String previousHash, String hash) {
}

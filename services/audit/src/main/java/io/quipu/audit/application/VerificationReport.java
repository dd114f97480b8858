package io.quipu.audit.application;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer of {@code GET /audit/verify}: valid with the head it reached, or not valid with the first broken
 * sequence and why ({@code content_hash_mismatch}, {@code chain_broken}, {@code sequence_gap}, {@code anchor_mismatch}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationReport(boolean valid, long verifiedEvents, Long lastSequence, String lastHash,
                                 Long firstBrokenSequence, String reason) {

    static VerificationReport valid(long verifiedEvents, long lastSequence, String lastHash) {
        return new VerificationReport(true, verifiedEvents, lastSequence, lastHash, null, null);
    }

    static VerificationReport broken(long verifiedEvents, long firstBrokenSequence, String reason) {
        return new VerificationReport(false, verifiedEvents, null, null, firstBrokenSequence, reason);
    }
}

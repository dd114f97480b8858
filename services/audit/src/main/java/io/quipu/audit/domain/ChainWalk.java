package io.quipu.audit.domain;

import java.util.Optional;

/**
 * Verifies the chain one row at a time, in sequence order, remembering only the last verified row: the walk over
 * millions of rows needs constant memory. Stops at the first break; a walk that found one accepts no more rows.
 */
public final class ChainWalk {

    private long lastSequence = 0;
    private String lastHash = HashChain.GENESIS_HASH;
    private long verifiedEvents = 0;
    private ChainBreak firstBreak;

    /** Checks the next row; returns the break if it is one (and then the walk is over). */
    public Optional<ChainBreak> next(ChainLink link) {
        if (firstBreak != null) {
            throw new IllegalStateException("the walk already stopped at " + firstBreak);
        }
        long expectedSequence = lastSequence + 1;
        if (link.sequence() != expectedSequence) {
            // The missing number is where the chain is broken (a deleted row, or a chain that does not start at 1).
            return stop(new ChainBreak(expectedSequence, ChainBreakReason.SEQUENCE_GAP));
        }
        if (!HashChain.isHexSha256(link.contentSha256()) || !link.contentSha256().equals(link.recomputedContentSha256())) {
            return stop(new ChainBreak(link.sequence(), ChainBreakReason.CONTENT_HASH_MISMATCH));
        }
        if (!lastHash.equals(link.previousHash()) || !HashChain.isHexSha256(link.hash())
                || !link.hash().equals(HashChain.link(link.sequence(), link.contentSha256(), lastHash))) {
            return stop(new ChainBreak(link.sequence(), ChainBreakReason.CHAIN_BROKEN));
        }
        lastSequence = link.sequence();
        lastHash = link.hash();
        verifiedEvents++;
        return Optional.empty();
    }

    private Optional<ChainBreak> stop(ChainBreak chainBreak) {
        firstBreak = chainBreak;
        return Optional.of(chainBreak);
    }

    public long lastSequence() {
        return lastSequence;
    }

    public String lastHash() {
        return lastHash;
    }

    /** Rows verified so far: every one before the break, if there is one. */
    public long verifiedEvents() {
        return verifiedEvents;
    }

    public Optional<ChainBreak> firstBreak() {
        return Optional.ofNullable(firstBreak);
    }
}

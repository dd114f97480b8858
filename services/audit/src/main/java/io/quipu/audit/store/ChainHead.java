package io.quipu.audit.store;

import io.quipu.audit.domain.HashChain;

/** The last row of the chain: its sequence and hash (sequence 0 and 64 zeros while the chain is empty). */
public record ChainHead(long sequence, String hash) {

    public static final ChainHead EMPTY = new ChainHead(0, HashChain.GENESIS_HASH);
}

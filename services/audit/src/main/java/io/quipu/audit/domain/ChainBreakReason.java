package io.quipu.audit.domain;

/** Why the chain does not verify, with the code the API answers. */
public enum ChainBreakReason {
    /** The row's content does not hash to its {@code content_sha256}: the content was changed. */
    CONTENT_HASH_MISMATCH("content_hash_mismatch"),
    /** The row's {@code previous_hash} or {@code hash} does not follow from the row before it. */
    CHAIN_BROKEN("chain_broken"),
    /** A sequence number is missing (a row was deleted) or the chain does not start at 1. */
    SEQUENCE_GAP("sequence_gap"),
    /** An anchor (a chain head recorded earlier) no longer matches the row at its sequence: history was rewritten. */
    ANCHOR_MISMATCH("anchor_mismatch");

    private final String code;

    ChainBreakReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}

package io.quipu.audit.domain;

/** The first place where the chain does not verify. */
public record ChainBreak(long sequence, ChainBreakReason reason) {

    public ChainBreak {
        if (reason == null) {
            throw new IllegalArgumentException("a chain break needs a reason");
        }
    }
}

package io.quipu.contracts.ledger;

/** TigerBeetle's transfer flags. */
public enum TransferFlag {
    /** This transfer and the next succeed or fail together (a chain ends at the first transfer without it). */
    LINKED,
    /** Reserve the amount (a hold) instead of moving it; later post or void it. */
    PENDING,
    /** Move (all or part of) the amount a pending transfer reserved. */
    POST_PENDING,
    /** Release what a pending transfer reserved. */
    VOID_PENDING,
    /** Move at most what the debit account has available. */
    BALANCING_DEBIT,
    /** Move at most what the credit account may still receive. */
    BALANCING_CREDIT
}

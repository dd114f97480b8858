package io.quipu.ledger.domain;

/** Where a pending transfer (a hold) stands: it is posted, voided or expired at most once. */
public enum PendingStatus {
    PENDING, POSTED, VOIDED, EXPIRED
}

package io.quipu.ledger.domain;

/** Transfer flags as bits (stored as one small integer). {@link #EXPIRED} is set only by the ledger itself. */
public final class TransferFlags {

    public static final int NONE = 0;
    public static final int LINKED = 1;
    public static final int PENDING = 1 << 1;
    public static final int POST_PENDING = 1 << 2;
    public static final int VOID_PENDING = 1 << 3;
    public static final int BALANCING_DEBIT = 1 << 4;
    public static final int BALANCING_CREDIT = 1 << 5;
    /** A void the ledger made because a pending transfer's timeout passed. */
    public static final int EXPIRED = 1 << 6;
    public static final int ALL_CLIENT_FLAGS = LINKED | PENDING | POST_PENDING | VOID_PENDING | BALANCING_DEBIT | BALANCING_CREDIT;

    private TransferFlags() {
    }

    public static boolean has(int flags, int flag) {
        return (flags & flag) != 0;
    }

    /** posted, pending, posted_pending, voided or expired: what a transfer did, for events and history. */
    public static String kind(int flags) {
        if (has(flags, EXPIRED)) {
            return "expired";
        }
        if (has(flags, PENDING)) {
            return "pending";
        }
        if (has(flags, POST_PENDING)) {
            return "posted_pending";
        }
        if (has(flags, VOID_PENDING)) {
            return "voided";
        }
        return "posted";
    }
}

package io.quipu.ledger.domain;

/** An account takes transfers while open; frozen accounts only release holds; closed accounts take nothing. */
public enum AccountStatus {
    OPEN, FROZEN, CLOSED;

    /** The allowed state machine: open ⇄ frozen, open/frozen → closed (at zero balances); closed is final. */
    public boolean canBecome(AccountStatus next) {
        return switch (this) {
            case OPEN -> next == FROZEN || next == CLOSED;
            case FROZEN -> next == OPEN || next == CLOSED;
            case CLOSED -> false;
        };
    }
}

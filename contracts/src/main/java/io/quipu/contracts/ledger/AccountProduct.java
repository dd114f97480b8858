package io.quipu.contracts.ledger;

/** What an account is for: customer products, or the bank's own general-ledger accounts. */
public enum AccountProduct {
    SAVINGS, CHECKING, LOAN,
    SETTLEMENT, FEES, FX_POSITION, CLEARING, SUSPENSE;

    /** Customer deposit accounts may never go below zero; the bank's own accounts may. */
    public boolean isCustomerDeposit() {
        return this == SAVINGS || this == CHECKING;
    }
}

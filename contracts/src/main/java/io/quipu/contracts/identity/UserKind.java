package io.quipu.contracts.identity;

/** A customer of the bank (has a {@code customer_id}) or a member of its staff (has roles). */
public enum UserKind {
    CUSTOMER,
    STAFF
}

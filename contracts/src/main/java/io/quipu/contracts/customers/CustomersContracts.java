package io.quipu.contracts.customers;

/** Names the customers service shares with others: its audience, scopes and event types (topic {@code customers}). */
public final class CustomersContracts {

    public static final String SERVICE = "customers";
    public static final String READ_SCOPE = "customers:read";
    public static final String WRITE_SCOPE = "customers:write";
    /** Most customers in one {@code POST /customers/batch}: one transaction, bounded time and memory. */
    public static final int MAX_BATCH_SIZE = 1000;

    /** A person completed onboarding: active customer with a login, an account and a signed contract. */
    public static final String CUSTOMER_ONBOARDED = "io.quipu.customers.customer.onboarded";
    /** A customer was created by staff (branch onboarding). */
    public static final String CUSTOMER_CREATED = "io.quipu.customers.customer.created";
    /** Contact details, status or risk changed. */
    public static final String CUSTOMER_UPDATED = "io.quipu.customers.customer.updated";

    private CustomersContracts() {
    }
}

package io.quipu.contracts.ledger;

/**
 * The ledger's published language: the system of record for every balance and every movement of money.
 *
 * <p>Scopes: {@code ledger:read} and {@code ledger:write} (client-credentials tokens of services, audience
 * {@code ledger}); staff roles may read. Customers never call the ledger directly.
 *
 * <p>Events: topic {@code transfers}; one CloudEvent per affected account and transfer ({@link TransferEvent}), keyed
 * by that account's id, so every account's events arrive in the order its balance changed.
 */
public final class LedgerContracts {

    public static final String SERVICE = "ledger";
    public static final String READ_SCOPE = "ledger:read";
    public static final String WRITE_SCOPE = "ledger:write";
    /** Most transfers in one {@code POST /transfers/batch}, like TigerBeetle's batch limit. */
    public static final int MAX_BATCH_SIZE = 8190;
    /** Most accounts in one {@code POST /accounts/batch}: one transaction, bounded time and memory. */
    public static final int MAX_ACCOUNT_BATCH_SIZE = 1000;
    /** Largest metadata (JSON) a transfer may carry, in UTF-8 bytes. */
    public static final int MAX_METADATA_BYTES = 2048;
    public static final String EVENT_TYPE_PREFIX = "io.quipu.ledger.transfer.";
    /**
     * Transfer codes starting with this record movements that happened before they reached this ledger (history taken
     * over from another core, the local run's demo history): they keep the books right but are not news to anyone.
     */
    public static final String HISTORICAL_CODE_PREFIX = "historical_";

    private LedgerContracts() {
    }
}

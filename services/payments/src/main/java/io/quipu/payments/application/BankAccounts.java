package io.quipu.payments.application;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import io.quipu.contracts.ledger.AccountProduct;
import io.quipu.payments.clients.LedgerAccounts;

/**
 * The bank's own ledger accounts that payments move money through: per currency, the outgoing clearing account
 * (what left for other banks and networks) and the FX position (what the bank bought and sold). Their ids are derived
 * from product and currency, so every instance opens (or finds again) the same ones.
 */
public class BankAccounts {

    public static final List<String> CURRENCIES = List.of("PEN", "USD", "EUR");

    private final LedgerAccounts ledger;
    private volatile boolean open;

    public BankAccounts(LedgerAccounts ledger) {
        this.ledger = ledger;
    }

    public UUID clearing(String currency) {
        return id(AccountProduct.CLEARING, currency);
    }

    public UUID fxPosition(String currency) {
        return id(AccountProduct.FX_POSITION, currency);
    }

    /**
     * Opens the accounts once per process (the ledger answers a repeat with the same account).
     *
     * @throws io.quipu.platform.clients.ProviderUnavailableException while the ledger is down
     */
    public void ensureOpen() {
        if (open) {
            return;
        }
        for (String currency : CURRENCIES) {
            ledger.openBankAccount(clearing(currency), AccountProduct.CLEARING, currency);
            ledger.openBankAccount(fxPosition(currency), AccountProduct.FX_POSITION, currency);
        }
        open = true;
    }

    private static UUID id(AccountProduct product, String currency) {
        if (!CURRENCIES.contains(currency)) {
            throw new IllegalArgumentException("no bank account in " + currency);
        }
        return UUID.nameUUIDFromBytes(("quipu-bank-account:" + product + ":" + currency).getBytes(StandardCharsets.UTF_8));
    }
}

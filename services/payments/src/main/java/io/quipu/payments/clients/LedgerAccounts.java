package io.quipu.payments.clients;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.web.client.HttpStatusCodeException;

import io.quipu.contracts.ledger.AccountProduct;
import io.quipu.contracts.ledger.AccountResponse;
import io.quipu.contracts.ledger.BatchTransferRequest;
import io.quipu.contracts.ledger.LedgerClient;
import io.quipu.contracts.ledger.OpenAccountRequest;
import io.quipu.contracts.ledger.TransferRequest;
import io.quipu.contracts.ledger.TransferResult;
import io.quipu.platform.clients.ServiceCalls;

/** The ledger as payments uses it: accounts, and transfers by batch (a linked pair is one batch). */
public class LedgerAccounts {

    private final LedgerClient ledger;

    public LedgerAccounts(LedgerClient ledger) {
        this.ledger = ledger;
    }

    public Optional<AccountResponse> account(UUID id) {
        return notFoundAsEmpty(() -> ledger.account(id));
    }

    public Optional<AccountResponse> accountByNumber(String number) {
        return notFoundAsEmpty(() -> ledger.accountByNumber(number));
    }

    /** Opens (or finds again: same id, same fields) one of the bank's own accounts. */
    public AccountResponse openBankAccount(UUID id, AccountProduct product, String currency) {
        return ServiceCalls.call("ledger", () -> ledger.openAccount(new OpenAccountRequest(id, null, product, currency, null, null)));
    }

    /** The results, in order; a 4xx answer (our bug: a malformed transfer) is an exception. */
    public List<TransferResult> transfer(List<TransferRequest> transfers) {
        try {
            return ServiceCalls.call("ledger", () -> ledger.transfer(new BatchTransferRequest(transfers))).results();
        } catch (HttpStatusCodeException refused) {
            throw new IllegalStateException("the ledger refused a batch: " + refused.getStatusCode() + " "
                    + ServiceCalls.problemCode(refused), refused);
        }
    }

    private static Optional<AccountResponse> notFoundAsEmpty(Supplier<AccountResponse> call) {
        try {
            return Optional.of(ServiceCalls.call("ledger", call));
        } catch (HttpStatusCodeException refused) {
            if (refused.getStatusCode().value() == 404) {
                return Optional.empty();
            }
            throw new IllegalStateException("the ledger refused: " + refused.getStatusCode() + " " + ServiceCalls.problemCode(refused), refused);
        }
    }
}

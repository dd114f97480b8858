package io.quipu.ledger.store;

import java.time.Instant;
import java.util.UUID;

import io.quipu.ledger.domain.Account;
import io.quipu.ledger.domain.AccountStatus;

/** An account row: identity and numbers beside the engine's {@link Account}. */
public record AccountRecord(UUID id, String accountNumber, String cci, UUID customerId, String product, String currency,
                            Account account, Instant createdAt) {

    public AccountStatus status() {
        return account.status();
    }
}

package io.quipu.contracts.ledger;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** The ledger's HTTP API for other services (create with platform's ServiceClients). */
@HttpExchange
public interface LedgerClient {

    @PostExchange("/accounts")
    AccountResponse openAccount(@RequestBody OpenAccountRequest request);

    @PostExchange("/accounts/batch")
    BatchOpenAccountsResponse openAccounts(@RequestBody BatchOpenAccountsRequest request);

    @GetExchange("/accounts/{id}")
    AccountResponse account(@PathVariable UUID id);

    @GetExchange("/accounts/by-number/{number}")
    AccountResponse accountByNumber(@PathVariable String number);

    @GetExchange("/accounts")
    List<AccountResponse> accountsOfCustomer(@RequestParam UUID customerId);

    @PostExchange("/transfers/batch")
    BatchTransferResponse transfer(@RequestBody BatchTransferRequest request);

    @GetExchange("/accounts/{id}/transfers")
    AccountTransferPage history(@PathVariable UUID id, @RequestParam(required = false) Long before,
                                @RequestParam(required = false) Integer limit);

    /**
     * The same, filtered: ledger timestamps from (inclusive) and to (exclusive), one side ({@code debit} or
     * {@code credit}), amounts from and to (inclusive, minor units); a null filter does not filter.
     */
    @GetExchange("/accounts/{id}/transfers")
    AccountTransferPage history(@PathVariable UUID id, @RequestParam(required = false) Long before,
                                @RequestParam(required = false) Integer limit,
                                @RequestParam(required = false) Long fromTimestamp,
                                @RequestParam(required = false) Long toTimestamp,
                                @RequestParam(required = false) String direction,
                                @RequestParam(required = false) Long minAmountMinor,
                                @RequestParam(required = false) Long maxAmountMinor);
}

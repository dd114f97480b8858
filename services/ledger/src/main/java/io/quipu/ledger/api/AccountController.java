package io.quipu.ledger.api;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.contracts.ledger.AccountBatchResult;
import io.quipu.contracts.ledger.AccountResponse;
import io.quipu.contracts.ledger.AccountTransferLine;
import io.quipu.contracts.ledger.AccountTransferPage;
import io.quipu.contracts.ledger.BalanceAt;
import io.quipu.contracts.ledger.BatchOpenAccountsRequest;
import io.quipu.contracts.ledger.BatchOpenAccountsResponse;
import io.quipu.contracts.ledger.OpenAccountRequest;
import io.quipu.ledger.application.AccountOpening;
import io.quipu.ledger.domain.AccountStatus;
import io.quipu.ledger.domain.Transfer;
import io.quipu.ledger.store.AccountRecord;
import io.quipu.ledger.store.LedgerStore;
import io.quipu.platform.money.Money;
import io.quipu.platform.web.ApiException;

@RestController
@Validated
class AccountController {

    static final int MAX_PAGE_SIZE = 200;
    static final int MAX_ACCOUNTS_PER_CUSTOMER = 100;

    private final LedgerStore store;
    private final AccountOpening opening;

    AccountController(LedgerStore store, AccountOpening opening) {
        this.store = store;
        this.opening = opening;
    }

    /** Opens an account; retrying with the same id and fields returns it again (200), other fields are a 409. */
    @PostMapping("/accounts")
    @Transactional
    ResponseEntity<AccountResponse> open(@Valid @RequestBody OpenAccountRequest request) {
        AccountOpening.Outcome outcome = opening.open(List.of(request)).get(0);
        if (outcome.refusal() != null) {
            throw outcome.refusal();
        }
        AccountResponse account = LedgerMapping.response(outcome.account());
        return outcome.created()
                ? ResponseEntity.created(URI.create("/accounts/" + account.id())).body(account)
                : ResponseEntity.ok(account);
    }

    /**
     * Up to 1,000 accounts in one transaction, each by the rules of {@code POST /accounts}; one result each, in order.
     * A refused item is a result (its problem code and field errors), not an error of the batch.
     */
    @PostMapping("/accounts/batch")
    @Transactional
    BatchOpenAccountsResponse openAll(@Valid @RequestBody BatchOpenAccountsRequest request) {
        List<AccountOpening.Outcome> outcomes = opening.open(request.accounts());
        List<AccountBatchResult> results = new ArrayList<>(outcomes.size());
        for (int index = 0; index < outcomes.size(); index++) {
            AccountOpening.Outcome outcome = outcomes.get(index);
            UUID id = request.accounts().get(index).id();
            if (outcome.refusal() != null) {
                results.add(new AccountBatchResult(index, id, outcome.refusal().code(), outcome.refusal().getMessage(),
                        outcome.refusal().fieldProblems(), null));
            } else {
                results.add(new AccountBatchResult(index, id, outcome.created() ? AccountBatchResult.CREATED : AccountBatchResult.EXISTS,
                        null, List.of(), LedgerMapping.response(outcome.account())));
            }
        }
        return new BatchOpenAccountsResponse(results);
    }

    @GetMapping("/accounts/{id}")
    AccountResponse find(@PathVariable UUID id) {
        return LedgerMapping.response(load(id));
    }

    @GetMapping("/accounts")
    List<AccountResponse> ofCustomer(@RequestParam UUID customerId) {
        return store.accountsOfCustomer(customerId, MAX_ACCOUNTS_PER_CUSTOMER).stream().map(LedgerMapping::response).toList();
    }

    @GetMapping("/accounts/by-number/{number}")
    AccountResponse byNumber(@PathVariable String number) {
        if (!number.matches("\\d{14}|\\d{20}")) {
            throw ApiException.invalidField("number", "invalid_account_number", "must be a 14-digit account number or a 20-digit CCI");
        }
        return store.findAccountByNumber(number).map(LedgerMapping::response)
                .orElseThrow(() -> ApiException.notFound("account_not_found", "No account " + number + "."));
    }

    @PostMapping("/accounts/{id}/freeze")
    @Transactional
    AccountResponse freeze(@PathVariable UUID id) {
        return changeStatus(id, AccountStatus.FROZEN);
    }

    @PostMapping("/accounts/{id}/unfreeze")
    @Transactional
    AccountResponse unfreeze(@PathVariable UUID id) {
        return changeStatus(id, AccountStatus.OPEN);
    }

    /** Only an account with nothing in it and nothing held can close. */
    @PostMapping("/accounts/{id}/close")
    @Transactional
    AccountResponse close(@PathVariable UUID id) {
        return changeStatus(id, AccountStatus.CLOSED);
    }

    /**
     * History, newest first, keyset-paginated by the ledger timestamp, with the balance after each line; filtered by
     * timestamps (from inclusive, to exclusive), side and amounts (inclusive, minor units) when asked.
     */
    @GetMapping("/accounts/{id}/transfers")
    AccountTransferPage history(@PathVariable UUID id, @RequestParam(required = false) Long before,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(MAX_PAGE_SIZE) int limit,
                                @RequestParam(required = false) @Min(0) Long fromTimestamp,
                                @RequestParam(required = false) @Min(0) Long toTimestamp,
                                @RequestParam(required = false) @Pattern(regexp = "debit|credit") String direction,
                                @RequestParam(required = false) @Min(0) Long minAmountMinor,
                                @RequestParam(required = false) @Min(0) Long maxAmountMinor) {
        AccountRecord account = load(id);
        long upTo = Math.min(before == null ? Long.MAX_VALUE : before, toTimestamp == null ? Long.MAX_VALUE : toTimestamp);
        LedgerStore.HistoryFilter filter = new LedgerStore.HistoryFilter(fromTimestamp == null ? Long.MIN_VALUE : fromTimestamp,
                upTo, direction == null || direction.equals("debit"), direction == null || direction.equals("credit"),
                minAmountMinor == null ? 0 : minAmountMinor, maxAmountMinor == null ? Long.MAX_VALUE : maxAmountMinor);
        List<LedgerStore.HistoryLine> lines = store.history(id, filter, limit);
        List<AccountTransferLine> page = lines.stream().map(line -> line(account.currency(), line)).toList();
        Long next = lines.size() == limit ? lines.get(lines.size() - 1).transfer().timestamp() : null;
        return new AccountTransferPage(page, next);
    }

    @GetMapping("/accounts/{id}/balances")
    BalanceAt balanceAt(@PathVariable UUID id, @RequestParam(required = false) Instant at) {
        AccountRecord account = load(id);
        Instant moment = at == null ? Instant.now() : at;
        String currency = account.currency();
        return store.lastBefore(id, LedgerMapping.micros(moment))
                .map(line -> {
                    Transfer transfer = line.transfer();
                    return new BalanceAt(id, moment,
                            Money.ofMinor(line.debit() ? transfer.debitPostedAfter() : transfer.creditPostedAfter(), currency),
                            Money.ofMinor(line.debit() ? transfer.debitAvailableAfter() : transfer.creditAvailableAfter(), currency));
                })
                .orElse(new BalanceAt(id, moment, Money.zero(currency), Money.zero(currency)));
    }

    private AccountResponse changeStatus(UUID id, AccountStatus next) {
        AccountRecord account = store.lockAccount(id)
                .orElseThrow(() -> ApiException.notFound("account_not_found", "No account " + id + "."));
        if (account.status() == next) {
            return LedgerMapping.response(account);
        }
        if (!account.status().canBecome(next)) {
            throw ApiException.conflict("invalid_status_transition",
                    "An account that is " + account.status().name().toLowerCase() + " cannot become " + next.name().toLowerCase() + ".");
        }
        if (next == AccountStatus.CLOSED && !account.account().isZero()) {
            throw ApiException.conflict("account_not_empty", "Only an account with a zero balance and no holds can close.");
        }
        store.updateStatus(id, next);
        return LedgerMapping.response(store.findAccount(id).orElseThrow());
    }

    private AccountRecord load(UUID id) {
        return store.findAccount(id).orElseThrow(() -> ApiException.notFound("account_not_found", "No account " + id + "."));
    }

    private static AccountTransferLine line(String currency, LedgerStore.HistoryLine line) {
        Transfer transfer = line.transfer();
        return new AccountTransferLine(transfer.id(), transfer.kind(), line.debit() ? "debit" : "credit",
                line.debit() ? transfer.creditAccountId() : transfer.debitAccountId(),
                Money.ofMinor(transfer.amount(), currency), transfer.code(), transfer.timestamp(),
                transfer.appliedAt(),
                Money.ofMinor(line.debit() ? transfer.debitPostedAfter() : transfer.creditPostedAfter(), currency),
                Money.ofMinor(line.debit() ? transfer.debitAvailableAfter() : transfer.creditAvailableAfter(), currency));
    }
}

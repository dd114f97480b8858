package io.quipu.ledger.application;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import io.quipu.contracts.ledger.LedgerContracts;
import io.quipu.contracts.ledger.OpenAccountRequest;
import io.quipu.ledger.store.AccountRecord;
import io.quipu.ledger.store.LedgerStore;
import io.quipu.platform.banking.AccountNumbers;
import io.quipu.platform.web.ApiException;
import io.quipu.platform.web.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * Opening accounts, one ({@code POST /accounts}) or many ({@code POST /accounts/batch}) through the same rules, set-wise:
 * one statement each to find the ids that exist, number the new accounts, insert them and read them back, whatever the
 * count. Runs in the caller's transaction. The caller chooses the ids: a repeat with the same fields is {@code exists},
 * with other fields a conflict.
 */
@Component
public class AccountOpening {

    /** What became of one request: the account (new or found), or the problem the single endpoint would answer. */
    public record Outcome(AccountRecord account, boolean created, ApiException refusal) {

        static Outcome refused(ApiException refusal) {
            return new Outcome(null, false, refusal);
        }
    }

    /** A request that passed the rules, with the balance limits its product gives it. */
    private record Accepted(int index, OpenAccountRequest request, boolean debitsLimited, boolean creditsLimited) {
    }

    private final LedgerStore store;
    private final Validator validator;
    private final String bankCode;
    private final String branch;

    AccountOpening(LedgerStore store, Validator validator, @Value("${quipu.ledger.bank-code}") String bankCode,
                   @Value("${quipu.ledger.branch}") String branch) {
        this.store = store;
        this.validator = validator;
        this.bankCode = bankCode;
        this.branch = branch;
    }

    /** One outcome per request, in order, as if they were opened one after the other. */
    public List<Outcome> open(List<OpenAccountRequest> requests) {
        if (requests.size() > LedgerContracts.MAX_ACCOUNT_BATCH_SIZE) {
            throw new IllegalArgumentException("at most " + LedgerContracts.MAX_ACCOUNT_BATCH_SIZE + " accounts at once");
        }
        Outcome[] outcomes = new Outcome[requests.size()];
        List<Accepted> accepted = new ArrayList<>();
        for (int index = 0; index < requests.size(); index++) {
            try {
                accepted.add(accept(index, requests.get(index)));
            } catch (ApiException refused) {
                outcomes[index] = Outcome.refused(refused);
            }
        }
        Set<UUID> ids = new HashSet<>();
        accepted.forEach(request -> ids.add(request.request().id()));
        Map<UUID, AccountRecord> existing = store.findAccounts(ids);

        // The first request of each missing id is numbered and inserted; a later one with that id is its repeat.
        Map<UUID, Accepted> toInsert = new LinkedHashMap<>();
        for (Accepted request : accepted) {
            if (!existing.containsKey(request.request().id())) {
                toInsert.putIfAbsent(request.request().id(), request);
            }
        }
        List<Long> sequences = store.nextAccountSequences(toInsert.size());
        List<LedgerStore.NewAccount> rows = new ArrayList<>(toInsert.size());
        int next = 0;
        for (Accepted request : toInsert.values()) {
            String number = AccountNumbers.accountNumber(branch, sequences.get(next++));
            rows.add(new LedgerStore.NewAccount(request.request().id(), number, AccountNumbers.cci(bankCode, number),
                    request.request().customerId(), request.request().product().name(), request.request().currency(),
                    request.debitsLimited(), request.creditsLimited()));
        }
        Set<UUID> inserted = store.insertAccounts(rows);
        Map<UUID, AccountRecord> stored = new HashMap<>(existing);
        Set<UUID> unread = new HashSet<>(ids);
        unread.removeAll(existing.keySet());
        stored.putAll(store.findAccounts(unread));

        Set<UUID> reported = new HashSet<>();
        for (Accepted request : accepted) {
            UUID id = request.request().id();
            AccountRecord account = stored.get(id);
            // Only the first mention of an id this call inserted is "created"; every other one compares with what is stored.
            boolean created = inserted.contains(id) && reported.add(id);
            if (created) {
                outcomes[request.index()] = new Outcome(account, true, null);
            } else if (sameFields(account, request)) {
                outcomes[request.index()] = new Outcome(account, false, null);
            } else {
                outcomes[request.index()] = Outcome.refused(ApiException.conflict("account_exists_with_different_fields",
                        "Account " + id + " exists with other fields."));
            }
        }
        return List.of(outcomes);
    }

    /** The request's own rules: its fields (as {@code @Valid} checks them), then the product's balance limits. */
    private Accepted accept(int index, OpenAccountRequest request) {
        List<FieldProblem> problems = validator.validate(request).stream()
                .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .map(AccountOpening::fieldProblem)
                .toList();
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation_failed", "The request has invalid fields.", problems);
        }
        boolean deposit = request.product().isCustomerDeposit();
        boolean debitsLimited = request.debitsMustNotExceedCredits() != null ? request.debitsMustNotExceedCredits() : deposit;
        boolean creditsLimited = request.creditsMustNotExceedDebits() != null && request.creditsMustNotExceedDebits();
        if (debitsLimited && creditsLimited) {
            throw ApiException.invalidField("creditsMustNotExceedDebits", "conflicting_flags",
                    "an account cannot limit both debits and credits");
        }
        if (deposit && request.customerId() == null) {
            throw ApiException.invalidField("customerId", "required", "customer accounts need a customer");
        }
        return new Accepted(index, request, debitsLimited, creditsLimited);
    }

    private static boolean sameFields(AccountRecord account, Accepted request) {
        return Objects.equals(account.customerId(), request.request().customerId())
                && account.product().equals(request.request().product().name())
                && account.currency().equals(request.request().currency())
                && account.account().debitsMustNotExceedCredits() == request.debitsLimited()
                && account.account().creditsMustNotExceedDebits() == request.creditsLimited();
    }

    /** As the platform answers a {@code @Valid} failure: {@code required} for a missing value, else the constraint's name. */
    private static FieldProblem fieldProblem(ConstraintViolation<OpenAccountRequest> violation) {
        String constraint = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        String code = switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "required";
            default -> constraint.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        };
        return new FieldProblem(violation.getPropertyPath().toString(), code, violation.getMessage());
    }
}

package io.quipu.ledger.api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.quipu.contracts.ledger.AccountProduct;
import io.quipu.contracts.ledger.AccountResponse;
import io.quipu.contracts.ledger.TransferFlag;
import io.quipu.contracts.ledger.TransferRequest;
import io.quipu.contracts.ledger.TransferResponse;
import io.quipu.ledger.domain.Account;
import io.quipu.ledger.domain.Transfer;
import io.quipu.ledger.domain.TransferCommand;
import io.quipu.ledger.domain.TransferFlags;
import io.quipu.ledger.store.AccountRecord;
import io.quipu.platform.money.Money;
import io.quipu.platform.web.ApiException;
import io.quipu.platform.web.FieldProblem;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Between the API's records (decimal strings, flag sets) and the engine's (minor units, flag bits). */
@Component
class LedgerMapping {

    static final Set<String> CURRENCIES = Set.of("PEN", "USD", "EUR");
    private final JsonMapper json;

    LedgerMapping(JsonMapper json) {
        this.json = json;
    }

    /** Malformed input is the caller's mistake (400 with the field's path); rule breaks are result codes. */
    TransferCommand command(TransferRequest request, String path) {
        if (!CURRENCIES.contains(request.currency())) {
            throw invalid(path + ".currency", "invalid_value", "must be PEN, USD or EUR");
        }
        Long amount = null;
        if (request.amount() != null) {
            try {
                amount = Money.parse(request.amount(), request.currency()).amountMinor();
            } catch (IllegalArgumentException e) {
                throw invalid(path + ".amount", "invalid_amount", e.getMessage());
            }
        }
        int flags = 0;
        if (request.flags() != null) {
            for (TransferFlag flag : request.flags()) {
                flags |= bit(flag);
            }
        }
        String metadata = request.metadata() == null || request.metadata().isNull() ? null : json.writeValueAsString(request.metadata());
        return new TransferCommand(request.id(), request.debitAccountId(), request.creditAccountId(), amount,
                request.currency(), request.code(), flags, request.pendingId(), request.timeoutSeconds(), metadata);
    }

    TransferResponse response(Transfer transfer) {
        Set<TransferFlag> flags = EnumSet.noneOf(TransferFlag.class);
        for (TransferFlag flag : TransferFlag.values()) {
            if (transfer.has(bit(flag))) {
                flags.add(flag);
            }
        }
        JsonNode metadata = transfer.metadata() == null ? null : json.readTree(transfer.metadata());
        return new TransferResponse(transfer.id(), transfer.kind(), transfer.debitAccountId(), transfer.creditAccountId(),
                Money.ofMinor(transfer.amount(), transfer.currency()), transfer.code(), flags, transfer.pendingId(),
                transfer.timeoutSeconds(), metadata, transfer.timestamp(), transfer.appliedAt());
    }

    static AccountResponse response(AccountRecord record) {
        Account account = record.account();
        String currency = record.currency();
        return new AccountResponse(record.id(), record.accountNumber(), record.cci(), record.customerId(),
                AccountProduct.valueOf(record.product()), currency, account.debitsMustNotExceedCredits(),
                account.creditsMustNotExceedDebits(), record.status().name().toLowerCase(java.util.Locale.ROOT),
                Money.ofMinor(account.debitsPending(), currency), Money.ofMinor(account.debitsPosted(), currency),
                Money.ofMinor(account.creditsPending(), currency), Money.ofMinor(account.creditsPosted(), currency),
                Money.ofMinor(account.posted(), currency), Money.ofMinor(account.available(), currency), record.createdAt());
    }

    /** The API's flag names and the engine's bits: one table for both directions. */
    static int bit(TransferFlag flag) {
        return switch (flag) {
            case LINKED -> TransferFlags.LINKED;
            case PENDING -> TransferFlags.PENDING;
            case POST_PENDING -> TransferFlags.POST_PENDING;
            case VOID_PENDING -> TransferFlags.VOID_PENDING;
            case BALANCING_DEBIT -> TransferFlags.BALANCING_DEBIT;
            case BALANCING_CREDIT -> TransferFlags.BALANCING_CREDIT;
        };
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static ApiException invalid(String field, String code, String message) {
        return new ApiException(org.springframework.http.HttpStatus.BAD_REQUEST, "validation_failed",
                "The request has invalid fields.", List.of(new FieldProblem(field, code, message)));
    }
}

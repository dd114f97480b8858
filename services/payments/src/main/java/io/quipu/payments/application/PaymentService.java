package io.quipu.payments.application;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

import io.quipu.contracts.ledger.AccountResponse;
import io.quipu.contracts.payments.CreatePaymentRequest;
import io.quipu.contracts.payments.FxQuote;
import io.quipu.contracts.payments.FxQuoteRequest;
import io.quipu.contracts.payments.PaymentPage;
import io.quipu.contracts.payments.PaymentResponse;
import io.quipu.payments.clients.FxRatesClient;
import io.quipu.payments.clients.LedgerAccounts;
import io.quipu.payments.clients.StepUps;
import io.quipu.payments.domain.FxPricing;
import io.quipu.payments.domain.Payees;
import io.quipu.payments.domain.Payment;
import io.quipu.payments.domain.PaymentLimits;
import io.quipu.payments.domain.PaymentState;
import io.quipu.payments.domain.PaymentType;
import io.quipu.payments.events.PaymentEventPublisher;
import io.quipu.payments.store.FxQuoteStore;
import io.quipu.payments.store.PaymentStore;
import io.quipu.platform.clients.ProviderUnavailableException;
import io.quipu.platform.id.Ids;
import io.quipu.platform.money.Money;
import io.quipu.platform.web.ApiException;

/**
 * Payment orders from customers: checks (ownership, destination, limits), the order's creation with its event, the
 * step-up authorization, and reads. Moving money is the saga's ({@link PaymentSaga}).
 */
public class PaymentService {

    private static final ZoneId LIMA = ZoneId.of("America/Lima");

    public record Settings(String bankCode, int fxSpreadBasisPoints, Duration fxQuoteLifetime) {
    }

    /** Who asks: the customer (from the token) and their login, for the step-up's check. */
    public record Payer(UUID customerId, String userId, String channel) {
    }

    private final Settings settings;
    private final PaymentStore payments;
    private final FxQuoteStore quotes;
    private final LedgerAccounts ledger;
    private final StepUps stepUps;
    private final FxRatesClient rates;
    private final PaymentLimits limits;
    private final PaymentSaga saga;
    private final PaymentEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public PaymentService(Settings settings, PaymentStore payments, FxQuoteStore quotes, LedgerAccounts ledger, StepUps stepUps,
                          FxRatesClient rates, PaymentLimits limits, PaymentSaga saga, PaymentEventPublisher events,
                          TransactionTemplate transactions, Clock clock) {
        this.settings = settings;
        this.payments = payments;
        this.quotes = quotes;
        this.ledger = ledger;
        this.stepUps = stepUps;
        this.rates = rates;
        this.limits = limits;
        this.saga = saga;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Payment create(CreatePaymentRequest request, Payer payer) {
        PaymentType type = PaymentType.of(request.type());
        Money amount = request.amount();
        if (!amount.isPositive()) {
            throw ApiException.invalidField("amount", "not_positive", "The amount must be more than zero.");
        }
        AccountResponse source = ownAccount(request.sourceAccountId(), payer.customerId());
        if (!source.currency().equals(amount.currencyCode())) {
            throw ApiException.invalidField("amount", "currency_mismatch", "The amount must be in the source account's currency ("
                    + source.currency() + ").");
        }
        UUID destinationAccountId = null;
        String payee;
        String beneficiaryName = request.beneficiaryName();
        String beneficiaryBic = null;
        UUID quoteId = null;
        String fxRate = null;
        Money targetAmount = null;
        switch (type) {
            case INTERNAL -> {
                String number = required("destinationAccountNumber", request.destinationAccountNumber());
                AccountResponse destination = ledger.accountByNumber(number).orElseThrow(() -> ApiException.unprocessable(
                        "destination_not_found", "No Quipu account has this number."));
                if (destination.id().equals(source.id())) {
                    throw ApiException.unprocessable("same_account", "The destination is the source account.");
                }
                if (!destination.currency().equals(source.currency())) {
                    throw ApiException.unprocessable("currency_mismatch", "The destination account holds " + destination.currency() + ".");
                }
                destinationAccountId = destination.id();
                payee = Payees.quipu(number);
            }
            case INTERBANK -> {
                String cci = required("destinationCci", request.destinationCci()).replace("-", "").replace(" ", "");
                Payees.cciProblem(cci, settings.bankCode()).ifPresent(problem -> {
                    throw ApiException.invalidField("destinationCci", problem, switch (problem) {
                        case "invalid_cci" -> "Not a valid CCI: 20 digits whose check digits match.";
                        case "cci_of_this_bank" -> "This CCI is a Quipu account: pay it as an internal transfer.";
                        default -> "The CCI's bank is not a participant of the clearing house.";
                    });
                });
                required("beneficiaryName", beneficiaryName);
                payee = Payees.cci(cci);
            }
            case INTERNATIONAL -> {
                String iban = required("beneficiaryIban", request.beneficiaryIban());
                if (!Payees.isValidIban(iban)) {
                    throw ApiException.invalidField("beneficiaryIban", "invalid_iban", "Not a valid IBAN (ISO 13616 check digits).");
                }
                beneficiaryBic = required("beneficiaryBic", request.beneficiaryBic()).toUpperCase(Locale.ROOT);
                if (!Payees.isValidBic(beneficiaryBic)) {
                    throw ApiException.invalidField("beneficiaryBic", "invalid_bic", "Not a valid BIC (8 or 11 characters).");
                }
                required("beneficiaryName", beneficiaryName);
                if (request.fxQuoteId() == null) {
                    throw ApiException.invalidField("fxQuoteId", "required", "An international payment needs an FX quote.");
                }
                quoteId = request.fxQuoteId();
                payee = Payees.iban(iban);
            }
            default -> throw new IllegalStateException();
        }
        Instant now = clock.instant();
        Instant dayStart = LocalDate.ofInstant(now, LIMA).atStartOfDay(LIMA).toInstant();
        limits.refusal(amount, payments.paidSince(payer.customerId(), amount.currencyCode(), dayStart)).ifPresent(refusal -> {
            throw ApiException.unprocessable(refusal, switch (refusal) {
                case "per_transaction_limit_exceeded" -> "The amount is above the limit of one payment.";
                case "daily_limit_exceeded" -> "Today's payments would go above the daily limit.";
                default -> "Payments in " + amount.currencyCode() + " are not offered.";
            });
        });
        UUID paymentId = Ids.newId();
        UUID finalQuoteId = quoteId;
        UUID finalDestinationAccountId = destinationAccountId;
        String finalBeneficiaryBic = beneficiaryBic;
        String channel = request.channel() == null ? payer.channel() : request.channel();
        Payment created = transactions.execute(status -> {
            String rate = null;
            Money target = null;
            if (finalQuoteId != null) {
                FxQuoteStore.StoredQuote quote = quotes.findForUpdate(finalQuoteId).filter(found -> found.customerId().equals(payer.customerId()))
                        .orElseThrow(() -> ApiException.unprocessable("quote_not_found", "No such FX quote."));
                if (!now.isBefore(quote.expiresAt())) {
                    throw ApiException.unprocessable("quote_expired", "The FX quote expired; ask for a new one.");
                }
                if (quote.usedByPayment() != null) {
                    throw ApiException.unprocessable("quote_used", "The FX quote was used by another payment.");
                }
                if (!quote.sourceAmount().equals(amount)) {
                    throw ApiException.invalidField("amount", "quote_mismatch", "The amount must be the quote's " + quote.sourceAmount() + ".");
                }
                quotes.markUsed(quote.id(), paymentId);
                rate = quote.rate();
                target = quote.targetAmount();
            }
            Payment payment = new Payment(paymentId, payer.customerId(), payer.userId(), type, PaymentState.CREATED, source.id(), amount,
                    payee, finalDestinationAccountId, beneficiaryName, finalBeneficiaryBic, request.description(), channel, null, null, null,
                    null, finalQuoteId, rate, target, 0, saga.safetyNet(now), 0, now, now);
            payments.insert(payment, "ordered by the customer");
            events.stateReached(payment, now);
            return payment;
        });
        return saga.advance(created.id());
    }

    /** The customer confirmed this payment with a step-up (identity checks amount, payee and payment id). */
    public Payment authorize(UUID paymentId, String stepUpAuthorization, Payer payer) {
        Payment payment = ownPayment(paymentId, payer.customerId());
        if (payment.state() != PaymentState.AWAITING_AUTHORIZATION) {
            throw ApiException.conflict("not_awaiting_authorization", "The payment is " + payment.state().code() + ".");
        }
        String userId;
        try {
            userId = stepUps.redeem(stepUpAuthorization, payment.id(), payment.amount(), payment.payee());
        } catch (StepUps.Refused refused) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "step_up_refused",
                    "The step-up authorization is not valid for this payment (" + refused.code() + ").");
        } catch (ProviderUnavailableException down) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "provider_unavailable", "Identity is not answering; try again.");
        }
        if (payment.userId() != null && !payment.userId().equals(userId)) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "step_up_refused", "The step-up was confirmed by another user.");
        }
        Instant now = clock.instant();
        saga.save(payment.moveTo(PaymentState.AUTHORIZED, now).dueAt(saga.safetyNet(now)), payment.state(), "step-up confirmed", now);
        return saga.advance(payment.id());
    }

    public Payment ownPayment(UUID paymentId, UUID customerId) {
        return payments.find(paymentId).filter(payment -> customerId == null || payment.customerId().equals(customerId))
                .orElseThrow(() -> ApiException.notFound("payment_not_found", "No such payment."));
    }

    public List<PaymentStore.StateChange> history(UUID paymentId) {
        return payments.history(paymentId);
    }

    /** A source account's payments, newest first; only the account's owner (or staff) may list them. */
    public List<Payment> ofAccount(UUID accountId, UUID customerId, String cursor, int limit) {
        if (customerId != null) {
            ownAccount(accountId, customerId);
        }
        int pageSize = Math.max(1, Math.min(limit, PaymentStore.MAX_PAGE_SIZE));
        Instant beforeCreatedAt = null;
        UUID beforeId = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", 2);
                beforeCreatedAt = Instant.parse(parts[0]);
                beforeId = UUID.fromString(parts[1]);
            } catch (RuntimeException malformed) {
                throw ApiException.invalidField("cursor", "invalid", "The cursor is not one this service gave.");
            }
        }
        return payments.ofAccount(accountId, beforeCreatedAt, beforeId, pageSize + 1);
    }

    public static String cursorAfter(Payment last) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((last.createdAt() + "\n" + last.id()).getBytes(StandardCharsets.UTF_8));
    }

    public PaymentPage page(List<Payment> oneMore, int limit, Function<Payment, PaymentResponse> view) {
        int pageSize = Math.max(1, Math.min(limit, PaymentStore.MAX_PAGE_SIZE));
        List<Payment> page = oneMore.size() > pageSize ? oneMore.subList(0, pageSize) : oneMore;
        return new PaymentPage(page.stream().map(view).toList(), oneMore.size() > pageSize ? cursorAfter(page.get(pageSize - 1)) : null);
    }

    /** A quote for paying {@code targetAmount} abroad from a {@code sourceCurrency} account, valid for a short while. */
    public FxQuote quote(FxQuoteRequest request, UUID customerId) {
        String source = request.sourceCurrency();
        Money target = request.targetAmount();
        if (!target.isPositive()) {
            throw ApiException.invalidField("targetAmount", "not_positive", "The amount must be more than zero.");
        }
        if (source.equals(target.currencyCode())) {
            throw ApiException.invalidField("targetAmount", "same_currency", "Source and target currency are the same.");
        }
        BigDecimal mid;
        try {
            mid = rates.midRate(target.currencyCode(), source);
        } catch (ProviderUnavailableException down) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "provider_unavailable", "FX rates are not available; try again.");
        }
        BigDecimal rate = FxPricing.customerRate(mid, settings.fxSpreadBasisPoints());
        Money sourceAmount = FxPricing.sourceAmount(target, rate, source);
        Instant now = clock.instant();
        FxQuoteStore.StoredQuote quote = new FxQuoteStore.StoredQuote(Ids.newId(), customerId, rate.toPlainString(),
                settings.fxSpreadBasisPoints(), sourceAmount, target, now.plus(settings.fxQuoteLifetime()), null);
        transactions.executeWithoutResult(status -> quotes.insert(quote, now));
        return new FxQuote(quote.id(), quote.rate(), quote.spreadBasisPoints(), sourceAmount, target, quote.expiresAt());
    }

    private AccountResponse ownAccount(UUID accountId, UUID customerId) {
        AccountResponse account;
        try {
            account = ledger.account(accountId).orElse(null);
        } catch (ProviderUnavailableException down) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "provider_unavailable", "The ledger is not answering; try again.");
        }
        // Someone else's account is "not found": ids of other customers' accounts cannot be probed.
        if (account == null || !customerId.equals(account.customerId())) {
            throw ApiException.notFound("account_not_found", "No such account of yours.");
        }
        if (!"open".equalsIgnoreCase(account.status())) {
            throw ApiException.unprocessable("account_not_open", "The account is " + account.status() + ".");
        }
        return account;
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalidField(field, "required", field + " is required for this type of payment.");
        }
        return value.strip();
    }
}

package io.quipu.customers.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.web.client.HttpClientErrorException;

import io.quipu.contracts.ledger.AccountResponse;
import io.quipu.contracts.ledger.AccountTransferLine;
import io.quipu.contracts.ledger.AccountTransferPage;
import io.quipu.contracts.ledger.LedgerClient;
import io.quipu.customers.domain.Customer;
import io.quipu.customers.domain.RuleViolation;
import io.quipu.customers.domain.StatementPeriod;
import io.quipu.platform.clients.ServiceCalls;
import io.quipu.platform.money.Money;
import io.quipu.platform.web.ApiException;

/**
 * A customer's movements per account, filtered and paged, and statements of a period as CSV or PDF. The customer sees
 * only their own accounts (the record's owner check, then the account's holder in the ledger); staff see any.
 */
public class AccountStatements {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    /** More movements than this in one statement: ask for a shorter period. */
    public static final int MAX_STATEMENT_LINES = 5_000;
    /** The ledger's largest history page. */
    private static final int LEDGER_PAGE_SIZE = 200;
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(StatementPeriod.BANK_ZONE);

    /** A statement file. */
    public record Statement(byte[] content, String contentType, String fileName) {
    }

    private final CustomerService customers;
    private final LedgerClient ledger;
    private final Clock clock;

    public AccountStatements(CustomerService customers, LedgerClient ledger, Clock clock) {
        this.customers = customers;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** One page, newest first; {@code before} is the page's {@code nextBefore} of the page before. */
    public AccountTransferPage movements(UUID customerId, UUID accountId, Long before, int limit, String from, String to,
                                         String direction, String minAmount, String maxAmount) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw ApiException.invalidField("limit", "out_of_range", "limit must be 1 to " + MAX_PAGE_SIZE + ".");
        }
        customers.visible(customerId);
        AccountResponse account = ownAccount(customerId, accountId);
        Filter filter = filter(from, to, direction, minAmount, maxAmount, account.currency());
        return ServiceCalls.call("ledger", () -> ledger.history(accountId, before, limit, filter.fromTimestamp(),
                filter.toTimestamp(), filter.direction(), filter.minAmountMinor(), filter.maxAmountMinor()));
    }

    /** The period's movements, oldest first, as {@code csv} or {@code pdf}. */
    public Statement statement(UUID customerId, UUID accountId, String from, String to, String format) {
        if (!"csv".equals(format) && !"pdf".equals(format)) {
            throw ApiException.invalidField("format", "invalid_format", "The format is csv or pdf.");
        }
        Customer customer = customers.visible(customerId);
        AccountResponse account = ownAccount(customerId, accountId);
        Filter filter = filter(from, to, null, null, null, account.currency());
        List<AccountTransferLine> lines = new ArrayList<>();
        Long before = filter.toTimestamp();
        while (true) {
            Long pageBefore = before;
            AccountTransferPage page = ServiceCalls.call("ledger", () -> ledger.history(accountId, pageBefore, LEDGER_PAGE_SIZE,
                    filter.fromTimestamp(), null, null, null, null));
            lines.addAll(page.lines());
            if (lines.size() > MAX_STATEMENT_LINES) {
                throw ApiException.unprocessable("statement_too_long",
                        "More than " + MAX_STATEMENT_LINES + " movements in the period: ask for a shorter one.");
            }
            if (page.nextBefore() == null) {
                break;
            }
            before = page.nextBefore();
        }
        Collections.reverse(lines);
        String name = "quipu-" + account.accountNumber() + "-" + filter.period().firstDay() + "-" + filter.period().lastDay();
        if ("csv".equals(format)) {
            return new Statement(csv(lines), "text/csv; charset=UTF-8", name + ".csv");
        }
        String holder = customer.givenNames() + " " + customer.paternalSurname()
                + (customer.maternalSurname() == null ? "" : " " + customer.maternalSurname());
        byte[] pdf = StatementDocument.render(new StatementDocument.Heading(holder, account.accountNumber(), account.cci(),
                account.currency(), filter.period(), Locale.forLanguageTag(customer.language())), lines);
        return new Statement(pdf, "application/pdf", name + ".pdf");
    }

    /** The account, if the ledger has it and it is the customer's; otherwise not found, as for any stranger's. */
    private AccountResponse ownAccount(UUID customerId, UUID accountId) {
        AccountResponse account;
        try {
            account = ServiceCalls.call("ledger", () -> ledger.account(accountId));
        } catch (HttpClientErrorException.NotFound missing) {
            throw accountNotFound();
        }
        if (!customerId.equals(account.customerId())) {
            throw accountNotFound();
        }
        return account;
    }

    private static ApiException accountNotFound() {
        return ApiException.notFound("account_not_found", "No such account of this customer.");
    }

    /** The filters in the ledger's terms: timestamps (microseconds since the epoch) and minor units. */
    private record Filter(StatementPeriod period, Long fromTimestamp, Long toTimestamp, String direction, Long minAmountMinor,
                          Long maxAmountMinor) {
    }

    private Filter filter(String from, String to, String direction, String minAmount, String maxAmount, String currency) {
        FieldChecks checks = new FieldChecks();
        LocalDate firstDay = day("from", from, checks);
        LocalDate lastDay = day("to", to, checks);
        if (direction != null && !direction.equals("credit") && !direction.equals("debit")) {
            checks.check("direction", Optional.of(new RuleViolation("invalid_direction", "The direction is credit or debit.")));
        }
        Long minimum = amount("minAmount", minAmount, currency, checks);
        Long maximum = amount("maxAmount", maxAmount, currency, checks);
        if (minimum != null && maximum != null && minimum > maximum) {
            checks.check("maxAmount", Optional.of(new RuleViolation("amount_range_reversed", "maxAmount is below minAmount.")));
        }
        LocalDate today = LocalDate.now(clock.withZone(StatementPeriod.BANK_ZONE));
        checks.check("from", StatementPeriod.check(firstDay, lastDay, today)).throwIfAny();
        StatementPeriod period = StatementPeriod.of(firstDay, lastDay, today);
        // Without dates, movements are not limited to a year: only an explicit period is.
        Long fromTimestamp = from == null ? null : micros(period.start());
        Long toTimestamp = to == null ? null : micros(period.end());
        return new Filter(period, fromTimestamp, toTimestamp, direction, minimum, maximum);
    }

    private static LocalDate day(String field, String value, FieldChecks checks) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            checks.check(field, Optional.of(new RuleViolation("invalid_date", "A day is YYYY-MM-DD.")));
            return null;
        }
    }

    private static Long amount(String field, String value, String currency, FieldChecks checks) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            Money money = Money.parse(value, currency);
            if (money.amountMinor() < 0) {
                throw new IllegalArgumentException("negative");
            }
            return money.amountMinor();
        } catch (RuntimeException e) {
            checks.check(field, Optional.of(new RuleViolation("invalid_amount", "An amount is a positive decimal such as 125.50.")));
            return null;
        }
    }

    private static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    /** RFC 4180: a header row, CRLF line ends; amounts as plain decimals with a sign, never floating point. */
    private static byte[] csv(List<AccountTransferLine> oldestFirst) {
        StringBuilder csv = new StringBuilder("date,transfer_id,code,direction,amount,currency,posted_balance_after\r\n");
        for (AccountTransferLine line : oldestFirst) {
            String sign = "debit".equals(line.direction()) ? "-" : "";
            csv.append(CSV_TIME.format(line.createdAt())).append(',')
                    .append(line.transferId()).append(',')
                    .append(csvText(line.code())).append(',')
                    .append(line.direction()).append(',')
                    .append(sign).append(line.amount().toDecimalString()).append(',')
                    .append(line.amount().currencyCode()).append(',')
                    .append(line.postedBalanceAfter().toDecimalString()).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A text cell: quoted when it must be, and never read as a formula by a spreadsheet. */
    private static String csvText(String text) {
        String value = text == null ? "" : text;
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        return value.matches("[^,\"\r\n]*") ? value : "\"" + value.replace("\"", "\"\"") + "\"";
    }
}

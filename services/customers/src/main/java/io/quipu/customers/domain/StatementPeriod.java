package io.quipu.customers.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The days a movements query or a statement covers, in Lima's calendar: from the first day's start to the end of the
 * last day. A statement covers at most {@value #MAX_DAYS} days (a year, leap day included) and never the future.
 */
public record StatementPeriod(LocalDate firstDay, LocalDate lastDay) {

    public static final int MAX_DAYS = 366;
    public static final ZoneId BANK_ZONE = ZoneId.of("America/Lima");

    public StatementPeriod {
        if (firstDay == null || lastDay == null) {
            throw new IllegalArgumentException("a period has a first and a last day");
        }
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("the last day is before the first");
        }
        if (firstDay.plusDays(MAX_DAYS).isBefore(lastDay.plusDays(1))) {
            throw new IllegalArgumentException("a period covers at most " + MAX_DAYS + " days");
        }
    }

    /**
     * The period asked for, with the missing ends filled in: up to today, and from {@value #MAX_DAYS} days before the
     * last day. Check it first with {@link #check}.
     */
    public static StatementPeriod of(LocalDate firstDay, LocalDate lastDay, LocalDate today) {
        LocalDate last = lastDay != null ? lastDay : today;
        LocalDate first = firstDay != null ? firstDay : last.minusDays(MAX_DAYS - 1);
        return new StatementPeriod(first, last);
    }

    /** Why the days asked for are not a period: in the wrong order, too far apart, or ending in the future. */
    public static Optional<RuleViolation> check(LocalDate firstDay, LocalDate lastDay, LocalDate today) {
        LocalDate last = lastDay != null ? lastDay : today;
        LocalDate first = firstDay != null ? firstDay : last.minusDays(MAX_DAYS - 1);
        if (last.isAfter(today)) {
            return Optional.of(new RuleViolation("period_in_future", "The period cannot end after today."));
        }
        if (last.isBefore(first)) {
            return Optional.of(new RuleViolation("period_reversed", "The period's last day is before its first day."));
        }
        if (first.plusDays(MAX_DAYS).isBefore(last.plusDays(1))) {
            return Optional.of(new RuleViolation("period_too_long", "A period covers at most " + MAX_DAYS + " days."));
        }
        return Optional.empty();
    }

    public Instant start() {
        return firstDay.atStartOfDay(BANK_ZONE).toInstant();
    }

    /** The instant after the last day. */
    public Instant end() {
        return lastDay.plusDays(1).atStartOfDay(BANK_ZONE).toInstant();
    }
}

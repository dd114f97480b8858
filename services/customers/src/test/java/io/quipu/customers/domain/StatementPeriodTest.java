package io.quipu.customers.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class StatementPeriodTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

    @Test
    void missingEndsMeanUpToTodayAndAYearBack() {
        StatementPeriod period = StatementPeriod.of(null, null, TODAY);
        assertThat(period.lastDay()).isEqualTo(TODAY);
        assertThat(period.firstDay()).isEqualTo(TODAY.minusDays(365));
        assertThat(StatementPeriod.check(null, null, TODAY)).isEmpty();
    }

    @Test
    void daysAreLimaDaysFromTheFirstStartToTheLastEnd() {
        StatementPeriod period = StatementPeriod.of(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), TODAY);
        assertThat(period.start()).isEqualTo(ZonedDateTime.parse("2026-03-01T00:00-05:00[America/Lima]").toInstant());
        assertThat(period.end()).isEqualTo(ZonedDateTime.parse("2026-04-01T00:00-05:00[America/Lima]").toInstant());
    }

    @Test
    void aPeriodIsInOrderAtMostAYearLongAndNotInTheFuture() {
        assertThat(StatementPeriod.check(LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 1), TODAY))
                .hasValueSatisfying(violation -> assertThat(violation.code()).isEqualTo("period_reversed"));
        assertThat(StatementPeriod.check(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 2), TODAY))
                .hasValueSatisfying(violation -> assertThat(violation.code()).isEqualTo("period_too_long"));
        assertThat(StatementPeriod.check(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), TODAY)).isEmpty(); // 366 days
        assertThat(StatementPeriod.check(null, TODAY.plusDays(1), TODAY))
                .hasValueSatisfying(violation -> assertThat(violation.code()).isEqualTo("period_in_future"));
        assertThatThrownBy(() -> new StatementPeriod(TODAY, TODAY.minusDays(1))).isInstanceOf(IllegalArgumentException.class);
    }
}

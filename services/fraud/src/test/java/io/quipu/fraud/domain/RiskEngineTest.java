package io.quipu.fraud.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.quipu.platform.money.Money;

class RiskEngineTest {

    static final RiskEngine ENGINE = new RiskEngine(RiskSettings.defaults());
    static final ZoneId LIMA = ZoneId.of("America/Lima");
    /** Noon in Lima: no hour rule. */
    static final Instant NOON = LocalDateTime.of(2026, 11, 25, 12, 0).atZone(LIMA).toInstant();

    static Money pen(String amount) {
        return Money.parse(amount, "PEN");
    }

    static Money usd(String amount) {
        return Money.parse(amount, "USD");
    }

    static List<Money> amounts(String currency, String... values) {
        return Arrays.stream(values).map(value -> Money.parse(value, currency)).toList();
    }

    static CustomerHistory knownPayeeWith(List<Money> usual) {
        return new CustomerHistory(usual, 0, true, 0);
    }

    // --- amount_above_usual -------------------------------------------------------------------------------------------

    static Stream<Arguments> aboveUsual() {
        return Stream.of(
                // median 100.00 → above 300.00 fires, 300.00 itself does not
                Arguments.of(amounts("PEN", "100.00", "90.00", "110.00"), pen("300.00"), false),
                Arguments.of(amounts("PEN", "100.00", "90.00", "110.00"), pen("300.01"), true),
                // even count: median of 100.00 and 200.00 is 150.00 → limit 450.00
                Arguments.of(amounts("PEN", "100.00", "200.00", "50.00", "400.00"), pen("450.00"), false),
                Arguments.of(amounts("PEN", "100.00", "200.00", "50.00", "400.00"), pen("450.01"), true),
                // median, not mean: one large past payment does not raise "usual"
                Arguments.of(amounts("PEN", "10.00", "10.00", "10.00", "10.00", "9000.00"), pen("30.01"), true),
                // fewer than 3 past payments: the new customer's threshold (PEN 5,000.00, USD 1,500.00), strictly above
                Arguments.of(amounts("PEN", "10.00", "10.00"), pen("5000.00"), false),
                Arguments.of(amounts("PEN", "10.00", "10.00"), pen("5000.01"), true),
                Arguments.of(List.of(), usd("1500.00"), false),
                Arguments.of(List.of(), usd("1500.01"), true),
                // history in another currency does not count: a USD payment of a PEN customer is a new customer's
                Arguments.of(amounts("PEN", "10.00", "10.00", "10.00"), usd("100.00"), false),
                Arguments.of(amounts("PEN", "10.00", "10.00", "10.00"), usd("1500.01"), true));
    }

    @ParameterizedTest
    @MethodSource
    void aboveUsual(List<Money> usual, Money amount, boolean fires) {
        RiskAssessment assessment = ENGINE.assess(amount, NOON, knownPayeeWith(usual));
        assertThat(assessment.rules().contains(RiskRule.AMOUNT_ABOVE_USUAL)).isEqualTo(fires);
    }

    @Test
    void onlyTheLatestTwentyPaymentsMakeUsual() {
        // 20 latest at 1.00, older ones at 1,000.00 (listed after: the store gives newest first)
        List<Money> usual = Stream.concat(Stream.generate(() -> pen("1.00")).limit(20),
                Stream.generate(() -> pen("1000.00")).limit(30)).toList();
        assertThat(ENGINE.assess(pen("3.01"), NOON, knownPayeeWith(usual)).rules()).containsExactly(RiskRule.AMOUNT_ABOVE_USUAL);
    }

    // --- velocity ------------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"0, false", "3, false", "4, true", "10, true"})
    void velocityCountsThisPaymentToo(int earlierInWindow, boolean fires) {
        RiskAssessment assessment = ENGINE.assess(pen("10.00"), NOON, new CustomerHistory(List.of(), earlierInWindow, true, 0));
        assertThat(assessment.rules().contains(RiskRule.VELOCITY)).isEqualTo(fires);
    }

    // --- new_payee_high_amount -------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
            "PEN, 1999.99, false, false",
            "PEN, 2000.00, false, true",
            "PEN, 2000.00, true, false",
            "USD, 499.99, false, false",
            "USD, 500.00, false, true",
            "USD, 900.00, true, false"})
    void newPayeeHighAmount(String currency, String amount, boolean payeeKnown, boolean fires) {
        RiskAssessment assessment = ENGINE.assess(Money.parse(amount, currency), NOON,
                new CustomerHistory(amounts(currency, "1000.00", "1000.00", "1000.00"), 0, payeeKnown, 0));
        assertThat(assessment.rules().contains(RiskRule.NEW_PAYEE_HIGH_AMOUNT)).isEqualTo(fires);
    }

    // --- unusual_hour ------------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"23:59, false", "00:00, true", "02:30, true", "04:59, true", "05:00, false", "12:00, false"})
    void unusualHourInLima(String limaTime, boolean fires) {
        Instant at = LocalDateTime.parse("2026-11-25T" + limaTime).atZone(LIMA).toInstant();
        RiskAssessment assessment = ENGINE.assess(pen("10.00"), at, CustomerHistory.none());
        assertThat(assessment.rules().contains(RiskRule.UNUSUAL_HOUR)).isEqualTo(fires);
    }

    @Test
    void theHourIsLimasNotUtc() {
        // 03:00 UTC is 22:00 in Lima; 07:00 UTC is 02:00 in Lima
        assertThat(ENGINE.assess(pen("10.00"), Instant.parse("2026-11-25T03:00:00Z"), CustomerHistory.none()).rules()).isEmpty();
        assertThat(ENGINE.assess(pen("10.00"), Instant.parse("2026-11-25T07:00:00Z"), CustomerHistory.none()).rules())
                .containsExactly(RiskRule.UNUSUAL_HOUR);
    }

    @ParameterizedTest
    @CsvSource({"21, false", "22, true", "23, true", "0, true", "4, true", "5, false"})
    void anHourRangePastMidnight(int hour, boolean fires) {
        RiskSettings defaults = RiskSettings.defaults();
        RiskEngine engine = new RiskEngine(new RiskSettings(defaults.weights(), 3, 20, 3, defaults.newCustomerThresholds(), 5,
                defaults.velocityWindow(), defaults.newPayeeThresholds(), 22, 5, LIMA, 3, defaults.failedLoginWindow(), 30, 70));
        Instant at = LocalDateTime.of(2026, 11, 25, hour, 0).atZone(LIMA).toInstant();
        assertThat(engine.assess(pen("10.00"), at, CustomerHistory.none()).rules().contains(RiskRule.UNUSUAL_HOUR)).isEqualTo(fires);
    }

    // --- recent_failed_logins ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"0, false", "2, false", "3, true", "12, true"})
    void recentFailedLogins(int failures, boolean fires) {
        RiskAssessment assessment = ENGINE.assess(pen("10.00"), NOON, new CustomerHistory(List.of(), 0, true, failures));
        assertThat(assessment.rules().contains(RiskRule.RECENT_FAILED_LOGINS)).isEqualTo(fires);
    }

    // --- score and decision -------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({"0, ALLOW", "29, ALLOW", "30, REVIEW", "69, REVIEW", "70, DENY", "100, DENY"})
    void scoreBoundaries(int score, Verdict verdict) {
        assertThat(ENGINE.verdict(score)).isEqualTo(verdict);
    }

    static Stream<Arguments> combinations() {
        return Stream.of(
                // nothing
                Arguments.of(pen("10.00"), NOON, new CustomerHistory(List.of(), 0, true, 0), List.of(), 0, Verdict.ALLOW),
                // hour alone 15, velocity alone 25: allow
                Arguments.of(pen("10.00"), at("02:00"), new CustomerHistory(List.of(), 0, true, 0),
                        List.of(RiskRule.UNUSUAL_HOUR), 15, Verdict.ALLOW),
                Arguments.of(pen("10.00"), NOON, new CustomerHistory(List.of(), 4, true, 0), List.of(RiskRule.VELOCITY), 25, Verdict.ALLOW),
                // new payee alone 30: review; failed logins alone 35: review; above usual alone 40: review
                Arguments.of(pen("2500.00"), NOON, CustomerHistory.none(), List.of(RiskRule.NEW_PAYEE_HIGH_AMOUNT), 30, Verdict.REVIEW),
                Arguments.of(pen("10.00"), NOON, new CustomerHistory(List.of(), 0, true, 3),
                        List.of(RiskRule.RECENT_FAILED_LOGINS), 35, Verdict.REVIEW),
                Arguments.of(pen("400.00"), NOON, knownPayeeWith(amounts("PEN", "100.00", "100.00", "100.00")),
                        List.of(RiskRule.AMOUNT_ABOVE_USUAL), 40, Verdict.REVIEW),
                // velocity + hour = 40 review; velocity + failed logins = 60 review
                Arguments.of(pen("10.00"), at("01:00"), new CustomerHistory(List.of(), 4, true, 0),
                        List.of(RiskRule.VELOCITY, RiskRule.UNUSUAL_HOUR), 40, Verdict.REVIEW),
                Arguments.of(pen("10.00"), NOON, new CustomerHistory(List.of(), 4, true, 3),
                        List.of(RiskRule.VELOCITY, RiskRule.RECENT_FAILED_LOGINS), 60, Verdict.REVIEW),
                // above usual (new customer) + new payee = 70: deny
                Arguments.of(pen("5000.01"), NOON, CustomerHistory.none(),
                        List.of(RiskRule.AMOUNT_ABOVE_USUAL, RiskRule.NEW_PAYEE_HIGH_AMOUNT), 70, Verdict.DENY),
                // everything: 145 capped at 100
                Arguments.of(pen("9000.00"), at("03:00"), new CustomerHistory(List.of(), 9, false, 5),
                        List.of(RiskRule.values()), 100, Verdict.DENY));
    }

    @ParameterizedTest
    @MethodSource
    void combinations(Money amount, Instant at, CustomerHistory history, List<RiskRule> rules, int score, Verdict verdict) {
        RiskAssessment assessment = ENGINE.assess(amount, at, history);
        assertThat(assessment.rules()).containsExactlyElementsOf(rules);
        assertThat(assessment.score()).isEqualTo(score);
        assertThat(assessment.verdict()).isEqualTo(verdict);
        assertThat(assessment.reasons()).containsExactlyElementsOf(rules.stream().map(RiskRule::code).toList());
    }

    @Test
    void refusesWhatItCannotJudge() {
        assertThatThrownBy(() -> ENGINE.assess(pen("0.00"), NOON, CustomerHistory.none())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ENGINE.assess(Money.parse("10.00", "EUR"), NOON, CustomerHistory.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EUR");
    }

    static Instant at(String limaTime) {
        return LocalDateTime.parse("2026-11-25T" + limaTime).atZone(LIMA).toInstant();
    }
}

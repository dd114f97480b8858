package io.quipu.fraud.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quipu.platform.money.Money;

class RiskSettingsTest {

    static final RiskSettings D = RiskSettings.defaults();

    /** A copy of the defaults with changes, through a mutable builder of the record's parts. */
    static final class Parts {
        Map<RiskRule, Integer> weights = new EnumMap<>(D.weights());
        int multiplier = D.usualMultiplier();
        int historySize = D.usualHistorySize();
        int minimumHistory = D.usualMinimumHistory();
        Map<java.util.Currency, Money> newCustomer = D.newCustomerThresholds();
        int velocityPayments = D.velocityPayments();
        Duration velocityWindow = D.velocityWindow();
        Map<java.util.Currency, Money> newPayee = D.newPayeeThresholds();
        int fromHour = D.unusualFromHour();
        int toHour = D.unusualToHour();
        ZoneId zone = D.zone();
        int failures = D.failedLogins();
        Duration failureWindow = D.failedLoginWindow();
        int reviewAt = D.reviewAt();
        int denyAt = D.denyAt();

        RiskSettings build() {
            return new RiskSettings(weights, multiplier, historySize, minimumHistory, newCustomer, velocityPayments, velocityWindow,
                    newPayee, fromHour, toHour, zone, failures, failureWindow, reviewAt, denyAt);
        }
    }

    static Arguments wrong(String message, UnaryOperator<Parts> change) {
        return Arguments.of(message, change);
    }

    static Stream<Arguments> wrongSettings() {
        return Stream.of(
                wrong("weight of velocity", parts -> { parts.weights.put(RiskRule.VELOCITY, 101); return parts; }),
                wrong("weight of unusual_hour", parts -> { parts.weights.put(RiskRule.UNUSUAL_HOUR, -1); return parts; }),
                wrong("every rule needs a weight", parts -> { parts.weights.remove(RiskRule.VELOCITY); return parts; }),
                wrong("multiplier", parts -> { parts.multiplier = 0; return parts; }),
                wrong("history-size", parts -> { parts.historySize = 0; return parts; }),
                wrong("minimum-history", parts -> { parts.minimumHistory = 21; return parts; }),
                wrong("new-customer-threshold", parts -> { parts.newCustomer = Map.of(); return parts; }),
                wrong("must be positive", parts -> {
                    parts.newPayee = RiskSettings.thresholds(Money.parse("0.00", "PEN"), Money.parse("500.00", "USD")); return parts; }),
                wrong("same currencies", parts -> {
                    parts.newPayee = RiskSettings.thresholds(Money.parse("2000.00", "PEN")); return parts; }),
                wrong("velocity.payments", parts -> { parts.velocityPayments = 1; return parts; }),
                wrong("velocity.window", parts -> { parts.velocityWindow = Duration.ofSeconds(30); return parts; }),
                wrong("recent-failed-logins.window", parts -> { parts.failureWindow = Duration.ofDays(2); return parts; }),
                wrong("from-hour", parts -> { parts.fromHour = 24; return parts; }),
                wrong("to-hour", parts -> { parts.toHour = 0; return parts; }),
                wrong("must differ", parts -> { parts.fromHour = 0; parts.toHour = 24; return parts; }),
                wrong("recent-failed-logins.failures", parts -> { parts.failures = 0; return parts; }),
                wrong("decision thresholds", parts -> { parts.reviewAt = 70; return parts; }),
                wrong("decision thresholds", parts -> { parts.denyAt = 101; return parts; }),
                wrong("decision thresholds", parts -> { parts.reviewAt = 0; return parts; }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void wrongSettings(String message, UnaryOperator<Parts> change) {
        Parts parts = change.apply(new Parts());
        assertThatThrownBy(parts::build).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertThat(D.weights()).containsEntry(RiskRule.AMOUNT_ABOVE_USUAL, 40).containsEntry(RiskRule.VELOCITY, 25)
                .containsEntry(RiskRule.NEW_PAYEE_HIGH_AMOUNT, 30).containsEntry(RiskRule.UNUSUAL_HOUR, 15)
                .containsEntry(RiskRule.RECENT_FAILED_LOGINS, 35);
        assertThat(D.newCustomerThresholds().get(Money.currency("PEN"))).isEqualTo(Money.parse("5000.00", "PEN"));
        assertThat(D.newPayeeThresholds().get(Money.currency("USD"))).isEqualTo(Money.parse("500.00", "USD"));
        assertThat(D.judges(Money.currency("USD"))).isTrue();
        assertThat(D.judges(Money.currency("EUR"))).isFalse();
        assertThat(new Parts().build()).isEqualTo(D);
    }
}

package io.quipu.customers.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CustomerStatusTest {

    private static final Set<String> ALLOWED = Set.of(
            "PROSPECT->ACTIVE", "PROSPECT->CLOSED", "ACTIVE->BLOCKED", "BLOCKED->ACTIVE", "ACTIVE->CLOSED", "BLOCKED->CLOSED");

    /** Every pair of statuses, including staying put, which is not a transition. */
    static Stream<Arguments> everyPair() {
        return Arrays.stream(CustomerStatus.values()).flatMap(from -> Arrays.stream(CustomerStatus.values())
                .map(to -> Arguments.of(from, to, ALLOWED.contains(from + "->" + to))));
    }

    @ParameterizedTest(name = "{0} -> {1} allowed: {2}")
    @MethodSource("everyPair")
    void allowsExactlyTheListedTransitions(CustomerStatus from, CustomerStatus to, boolean allowed) {
        assertThat(from.canTransitionTo(to)).isEqualTo(allowed);
        if (allowed) {
            assertThat(from.transitionTo(to)).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> from.transitionTo(to))
                    .isInstanceOfSatisfying(IllegalTransition.class, exception -> {
                        assertThat(exception.from()).isEqualTo(from);
                        assertThat(exception.to()).isEqualTo(to);
                        assertThat(exception).hasMessage("cannot go from " + from + " to " + to);
                    });
        }
    }
}

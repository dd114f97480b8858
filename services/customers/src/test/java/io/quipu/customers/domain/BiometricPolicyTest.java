package io.quipu.customers.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BiometricPolicyTest {

    private final BiometricPolicy policy = new BiometricPolicy(0.85);

    @ParameterizedTest
    @CsvSource({
            "0.85, true,  ''",
            "0.99, true,  ''",
            "1.0,  true,  ''",
            "0.84, true,  BIOMETRIC_MISMATCH",
            "0.0,  true,  BIOMETRIC_MISMATCH",
            "0.99, false, LIVENESS_FAILED",
            "0.10, false, LIVENESS_FAILED",
    })
    void passesAMatchingLiveSelfieOnly(double score, boolean live, String reason) {
        assertThat(policy.passes(score, live)).isEqualTo(reason.isEmpty());
        assertThat(policy.check(score, live).map(Enum::name).orElse("")).isEqualTo(reason);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.1, 1.01, Double.NaN})
    void refusesThresholdsOutsideZeroToOne(double threshold) {
        assertThatThrownBy(() -> new BiometricPolicy(threshold)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.5, Double.NaN})
    void refusesScoresNoProviderCanGive(double score) {
        assertThatThrownBy(() -> policy.passes(score, true)).isInstanceOf(IllegalArgumentException.class);
    }
}

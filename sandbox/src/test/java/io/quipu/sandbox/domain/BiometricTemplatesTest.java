package io.quipu.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.quipu.sandbox.domain.biometrics.BiometricTemplates;
import io.quipu.sandbox.domain.biometrics.VerificationRules;

class BiometricTemplatesTest {

    @Test
    void templatesAreDeterministicUnitVectors() {
        double[] template = BiometricTemplates.templateOf("reniec-photo-1");
        assertThat(template).hasSize(128).containsExactly(BiometricTemplates.templateOf("reniec-photo-1"));
        double squares = 0;
        for (double value : template) {
            squares += value * value;
        }
        assertThat(squares).isCloseTo(1.0, within(1e-9));
        assertThat(BiometricTemplates.score(template, BiometricTemplates.templateOf("reniec-photo-2"))).isLessThan(0.4);
    }

    @Test
    void theSameFaceWithNoiseScoresHighAndAStrangerNearZero() {
        double[] template = BiometricTemplates.templateOf("reniec-photo-abc");
        Random random = new Random(42);
        double[] sameFace = new double[128];
        double[] stranger = new double[128];
        for (int index = 0; index < 128; index++) {
            sameFace[index] = template[index] * 3 + random.nextGaussian() * 0.03;
            stranger[index] = random.nextGaussian();
        }
        assertThat(BiometricTemplates.score(template, template)).isEqualTo(1.0);
        assertThat(BiometricTemplates.score(sameFace, template)).isGreaterThanOrEqualTo(0.95);
        assertThat(BiometricTemplates.score(stranger, template)).isLessThan(0.4);
    }

    @Test
    void scoresAreClampedToZeroAndRoundedToFourDecimals() {
        double[] template = BiometricTemplates.templateOf("reniec-photo-abc");
        double[] opposite = new double[128];
        for (int index = 0; index < 128; index++) {
            opposite[index] = -template[index];
        }
        assertThat(BiometricTemplates.score(opposite, template)).isZero();
        assertThat(BiometricTemplates.score(new double[128], template)).isZero();
        double[] twoDimensions = {1, 2};
        double score = BiometricTemplates.score(twoDimensions, new double[] {2, 1});
        assertThat(score).isEqualTo(0.8);
        assertThat(BiometricTemplates.score(new double[] {1, 3}, new double[] {3, 1})).isEqualTo(0.6);
        assertThat(BiometricTemplates.score(new double[] {1, 1}, new double[] {1, 0})).isEqualTo(0.7071);
        assertThat(BiometricTemplates.score(new double[] {1e308, 1e308}, new double[] {1, 0}))
                .as("huge numbers do not overflow").isEqualTo(0.7071);
    }

    @Test
    void checksTheFeatures() {
        List<Double> vector = new ArrayList<>(Collections.nCopies(128, 0.1));
        assertThat(VerificationRules.check("45871236", "p1", true, vector, 0.5)).isEmpty();
        assertThat(VerificationRules.check("45871236", "p1", true, vector.subList(0, 5), 0.5))
                .extracting(Violation::code).containsExactly("wrong_size");
        vector.set(9, Double.NaN);
        assertThat(VerificationRules.check("45871236", "p1", true, vector, -0.1))
                .extracting(Violation::field).containsExactly("features.vector[9]", "features.livenessScore");
        assertThat(VerificationRules.check(null, "p 1", false, null, null))
                .extracting(Violation::field).containsExactly("documentNumber", "photoReference", "features");
    }
}

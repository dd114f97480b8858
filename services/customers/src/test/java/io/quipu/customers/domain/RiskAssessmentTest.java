package io.quipu.customers.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RiskAssessmentTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "false | false | PE   | teacher          | LOW    | ''",
            "false | false | ec   | Software engineer| LOW    | ''",
            "true  | false | PE   | teacher          | HIGH   | politically_exposed_person",
            "false | false | CO   | teacher          | MEDIUM | foreign_nationality",
            "false | false |      | teacher          | MEDIUM | foreign_nationality",
            "false | false | PE   | Money exchange   | MEDIUM | high_risk_occupation",
            "false | false | PE   | casino           | MEDIUM | high_risk_occupation",
            "false | false | PE   | arms-dealer      | MEDIUM | high_risk_occupation",
            "false | false | PE   | JEWELLER         | MEDIUM | high_risk_occupation",
            "false | false | VE   | jeweller         | MEDIUM | foreign_nationality high_risk_occupation",
            "true  | false | US   | casino           | HIGH   | politically_exposed_person foreign_nationality high_risk_occupation",
            "false | true  | PE   | teacher          | HIGH   | sanctions_hit",
    })
    void raisesTheLevelForEachRiskFactor(boolean politicallyExposed, boolean sanctionsHit, String nationality,
                                         String occupation, RiskLevel level, String reasons) {
        RiskAssessment assessment = RiskAssessment.assess(politicallyExposed, sanctionsHit, nationality, occupation);
        assertThat(assessment.level()).isEqualTo(level);
        assertThat(assessment.reasons()).isEqualTo(reasons.isEmpty() ? List.of() : List.of(reasons.split(" ")));
        assertThat(assessment.canOnboard()).isEqualTo(!sanctionsHit);
    }

    @Test
    void aSanctionsHitIsNeverOnboardedWhateverElseIsTrue() {
        RiskAssessment assessment = RiskAssessment.assess(false, true, "PE", "teacher");
        assertThat(assessment.canOnboard()).isFalse();
        assertThat(assessment.sanctionsHit()).isTrue();
        assertThat(RiskAssessment.assess(true, true, "CO", "casino").canOnboard()).isFalse();
    }

    @Test
    void keepsLevelAndReasonsConsistent() {
        assertThatThrownBy(() -> new RiskAssessment(false, RiskLevel.MEDIUM, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RiskAssessment(false, RiskLevel.LOW, List.of("foreign_nationality")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RiskAssessment(true, RiskLevel.MEDIUM, List.of("sanctions_hit")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

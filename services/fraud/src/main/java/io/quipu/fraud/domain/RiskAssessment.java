package io.quipu.fraud.domain;

import java.util.List;

/** The rules that fired (in {@link RiskRule} order), the 0–100 score and the verdict it leads to. */
public record RiskAssessment(List<RiskRule> rules, int score, Verdict verdict) {

    public RiskAssessment {
        rules = List.copyOf(rules);
    }

    public List<String> reasons() {
        return rules.stream().map(RiskRule::code).toList();
    }
}

package io.quipu.fraud.store;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.quipu.fraud.domain.RiskRule;

/** Rules as stored: their codes, comma-separated, in rule order. */
final class Reasons {

    private Reasons() {
    }

    static String join(List<RiskRule> rules) {
        return rules.stream().map(RiskRule::code).collect(Collectors.joining(","));
    }

    static List<RiskRule> split(String stored) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(stored.split(",")).map(RiskRule::ofCode).toList();
    }
}

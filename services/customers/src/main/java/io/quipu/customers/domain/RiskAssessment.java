package io.quipu.customers.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The risk level a new customer starts with, from the facts known at onboarding. Deliberately small: each reason
 * raises the level to at least its own, and the highest wins.
 *
 * <ul>
 *   <li>a match on a sanctions list: the bank may not take the customer at all ({@link #canOnboard()} is false);
 *   <li>a politically exposed person: {@link RiskLevel#HIGH} (enhanced due diligence);
 *   <li>a nationality other than Peruvian or Ecuadorian: {@link RiskLevel#MEDIUM};
 *   <li>a cash-intensive occupation often used to launder money: {@link RiskLevel#MEDIUM}.
 * </ul>
 *
 * @param reasons codes of the facts that raised the level, in the order above; empty for {@link RiskLevel#LOW}
 */
public record RiskAssessment(boolean sanctionsHit, RiskLevel level, List<String> reasons) {

    public static final Set<String> HOME_NATIONALITIES = Set.of("PE", "EC");
    /** Occupation codes: lower case, words joined by underscores. */
    public static final Set<String> HIGH_RISK_OCCUPATIONS = Set.of("money_exchange", "casino", "arms_dealer", "jeweller");

    public RiskAssessment {
        Objects.requireNonNull(level, "level");
        reasons = List.copyOf(reasons);
        if (sanctionsHit && level != RiskLevel.HIGH) {
            throw new IllegalArgumentException("a sanctions hit is always high risk");
        }
        if (reasons.isEmpty() != (level == RiskLevel.LOW)) {
            throw new IllegalArgumentException("a level above LOW needs a reason, and LOW has none");
        }
    }

    /**
     * @param nationality ISO 3166-1 alpha-2; unknown ({@code null}) counts as foreign
     * @param occupation  free text or a code ({@code "Money exchange"} and {@code money_exchange} are the same)
     */
    public static RiskAssessment assess(boolean politicallyExposed, boolean sanctionsHit, String nationality,
                                        String occupation) {
        List<String> reasons = new ArrayList<>();
        RiskLevel level = RiskLevel.LOW;
        if (sanctionsHit) {
            reasons.add("sanctions_hit");
            level = RiskLevel.HIGH;
        }
        if (politicallyExposed) {
            reasons.add("politically_exposed_person");
            level = RiskLevel.HIGH;
        }
        if (nationality == null || !HOME_NATIONALITIES.contains(nationality.strip().toUpperCase(Locale.ROOT))) {
            reasons.add("foreign_nationality");
            level = highest(level, RiskLevel.MEDIUM);
        }
        if (HIGH_RISK_OCCUPATIONS.contains(occupationCode(occupation))) {
            reasons.add("high_risk_occupation");
            level = highest(level, RiskLevel.MEDIUM);
        }
        return new RiskAssessment(sanctionsHit, level, reasons);
    }

    /** Sanctions are not a matter of degree: no level of diligence lets the bank serve a listed person. */
    public boolean canOnboard() {
        return !sanctionsHit;
    }

    private static String occupationCode(String occupation) {
        return occupation == null ? "" : occupation.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Pd}]+", "_");
    }

    private static RiskLevel highest(RiskLevel one, RiskLevel other) {
        return one.compareTo(other) >= 0 ? one : other;
    }
}

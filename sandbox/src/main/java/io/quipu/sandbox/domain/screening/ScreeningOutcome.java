package io.quipu.sandbox.domain.screening;

import java.util.List;

/**
 * What screening a name found.
 *
 * @param hit true when a sanctions list matched: onboarding must stop
 * @param pep true when a list of politically exposed persons matched: enhanced due diligence, not a refusal
 */
public record ScreeningOutcome(boolean hit, boolean pep, List<ScreeningMatch> matches) {

    public ScreeningOutcome {
        matches = List.copyOf(matches);
    }
}

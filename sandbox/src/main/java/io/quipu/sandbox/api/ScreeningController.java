package io.quipu.sandbox.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.platform.id.Ids;
import io.quipu.sandbox.domain.screening.ScreeningMatch;
import io.quipu.sandbox.domain.screening.ScreeningOutcome;
import io.quipu.sandbox.domain.screening.ScreeningRules;
import io.quipu.sandbox.domain.screening.Watchlists;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The simulated KYC/AML screening provider: checks a person against sanctions lists and lists of PEPs. */
@RestController
@RequestMapping("/screening/v1/checks")
@Tag(name = "Screening provider", description = "A simulated sanctions and PEP screening provider. Requires the X-Api-Key header.")
public class ScreeningController {

    private static final String CLEAR = "clear";
    private static final String HIT = "hit";

    private final Watchlists watchlists;
    private final Clock clock;

    public ScreeningController(Watchlists watchlists, Clock clock) {
        this.watchlists = watchlists;
        this.clock = clock;
    }

    /** {@code nationality}: ISO 3166 alpha-2, such as PE. */
    public record CheckRequest(String documentType, String documentNumber, String fullName, LocalDate birthDate,
            String nationality) {
    }

    public record MatchView(String list, String matchedName, double score) {
        static MatchView of(ScreeningMatch match) {
            return new MatchView(match.list().code(), match.matchedName(), match.score());
        }
    }

    /** {@code result}: "hit" when a sanctions list matched; {@code pep}: a PEP list matched. */
    public record CheckView(String checkId, String result, boolean pep, List<MatchView> matches) {
    }

    @PostMapping
    @Operation(summary = "Screen a person against UN-SANCTIONS, OFAC-SDN, PEP-PE and PEP-EC",
            description = "Names are compared without accents, case or word order; a token-set similarity ≥ 0.9 is a match. "
                    + "A PEP match sets pep=true but leaves the result clear; a sanctions match makes it a hit.")
    public CheckView check(@RequestBody CheckRequest request) {
        RequestChecks.throwIfAny(ScreeningRules.checkScreening(request.documentType(), request.documentNumber(),
                request.fullName(), request.birthDate(), request.nationality(), LocalDate.now(clock)));
        ScreeningOutcome outcome = watchlists.screen(request.fullName());
        return new CheckView(Ids.newId().toString(), outcome.hit() ? HIT : CLEAR, outcome.pep(),
                outcome.matches().stream().map(MatchView::of).toList());
    }
}

package io.quipu.sandbox.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.sandbox.domain.screening.ScreeningRules;
import io.quipu.sandbox.domain.screening.Watchlist;
import io.quipu.sandbox.domain.screening.WatchlistEntry;
import io.quipu.sandbox.domain.screening.Watchlists;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The sandbox's control panel of the screening provider: put a name on a list to see a hit or a PEP. */
@RestController
@RequestMapping("/sandbox/screening/entries")
@Tag(name = "Screening provider control", description = "Add names to the simulated sanctions and PEP lists.")
public class ScreeningControlController {

    private final Watchlists watchlists;

    public ScreeningControlController(Watchlists watchlists) {
        this.watchlists = watchlists;
    }

    /** {@code list}: UN-SANCTIONS, OFAC-SDN, PEP-PE or PEP-EC. */
    public record EntryRequest(String list, String name) {
    }

    public record EntryView(String list, String name) {
    }

    @PostMapping
    @Operation(summary = "Add a name to a list (kept in memory; the oldest added entries go first)")
    public ResponseEntity<EntryView> add(@RequestBody EntryRequest request) {
        RequestChecks.throwIfAny(ScreeningRules.checkEntry(request.list(), request.name()));
        WatchlistEntry entry = new WatchlistEntry(Watchlist.ofCode(request.list()).orElseThrow(), request.name().strip());
        watchlists.add(entry);
        return ResponseEntity.status(HttpStatus.CREATED).body(new EntryView(entry.list().code(), entry.name()));
    }

    @DeleteMapping
    @Operation(summary = "Remove every entry added at runtime; the bundled lists stay")
    public ResponseEntity<Void> clearAdded() {
        watchlists.clearAdded();
        return ResponseEntity.noContent().build();
    }
}

package io.quipu.sandbox.api;

import java.math.BigDecimal;
import java.time.Clock;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.sandbox.api.FxController.RateView;
import io.quipu.sandbox.domain.fx.FxRates;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The sandbox's control panel of the FX provider: fix a rate for a test, then go back to the drifting ones. */
@RestController
@RequestMapping("/sandbox/fx/rates")
@Tag(name = "FX rates provider control", description = "Fix the simulated exchange rates.")
public class FxControlController {

    private final FxRates rates;
    private final Clock clock;

    public FxControlController(FxRates rates, Clock clock) {
        this.rates = rates;
        this.clock = clock;
    }

    /** {@code rate}: a positive decimal string, at most 6 decimals ("3.8", "3.800000"). */
    public record FixRequest(String rate) {
    }

    @PutMapping("/{base}/{quote}")
    @Operation(summary = "Fix the rate of a pair (and so its inverse) until DELETE /sandbox/fx/rates")
    public RateView fix(@PathVariable String base, @PathVariable String quote, @RequestBody FixRequest request) {
        RequestChecks.throwIfAny(FxRates.checkPair(base, quote));
        RequestChecks.throwIfAny(FxRates.checkRate(request.rate()));
        rates.fix(base, quote, new BigDecimal(request.rate()));
        return RateView.of(rates.quote(base, quote, clock.instant()));
    }

    @DeleteMapping
    @Operation(summary = "Back to the drifting rates (204)")
    public ResponseEntity<Void> clear() {
        rates.clearFixed();
        return ResponseEntity.noContent().build();
    }
}

package io.quipu.sandbox.api;

import java.time.Clock;
import java.time.Instant;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.sandbox.domain.fx.FxQuote;
import io.quipu.sandbox.domain.fx.FxRates;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The simulated FX market-data provider: mid rates among PEN, USD and EUR. */
@RestController
@RequestMapping("/fx/v1/rates")
@Tag(name = "FX rates provider", description = "Simulated mid-market exchange rates. Requires the X-Api-Key header.")
public class FxController {

    private final FxRates rates;
    private final Clock clock;

    public FxController(FxRates rates, Clock clock) {
        this.rates = rates;
        this.clock = clock;
    }

    /** {@code rate}: a decimal string with 6 decimals, one base in quote ("3.745200" PEN per USD). */
    public record RateView(String base, String quote, String rate, Instant asOf) {
        static RateView of(FxQuote quote) {
            return new RateView(quote.base(), quote.quote(), quote.rate().toPlainString(), quote.asOf());
        }
    }

    @GetMapping
    @Operation(summary = "The mid rate of a pair (PEN, USD, EUR)",
            description = "Drifts by at most ±0.5% around USD/PEN 3.7452, EUR/USD 1.0830, EUR/PEN 4.056052, the same "
                    + "within a minute (asOf: the minute's start). The inverse is 1/rate rounded HALF_EVEN to 6 decimals.")
    public RateView rate(@RequestParam(required = false) String base, @RequestParam(required = false) String quote) {
        RequestChecks.throwIfAny(FxRates.checkPair(base, quote));
        return RateView.of(rates.quote(base, quote, clock.instant()));
    }
}

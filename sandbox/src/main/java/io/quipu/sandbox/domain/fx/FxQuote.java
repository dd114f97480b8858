package io.quipu.sandbox.domain.fx;

import java.math.BigDecimal;
import java.time.Instant;

/** A mid-market rate: one {@code base} is worth {@code rate} {@code quote}, 6 decimals, as of the start of a minute. */
public record FxQuote(String base, String quote, BigDecimal rate, Instant asOf) {
}

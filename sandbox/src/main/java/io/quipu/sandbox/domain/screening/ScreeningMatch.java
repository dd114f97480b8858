package io.quipu.sandbox.domain.screening;

/** A list entry whose name resembles the screened name; {@code score} is their similarity, 0 to 1. */
public record ScreeningMatch(Watchlist list, String matchedName, double score) {
}

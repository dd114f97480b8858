package io.quipu.sandbox.domain.screening;

import java.util.Objects;

/** A name on one of the lists. */
public record WatchlistEntry(Watchlist list, String name) {

    public WatchlistEntry {
        Objects.requireNonNull(list, "list");
        Objects.requireNonNull(name, "name");
    }
}

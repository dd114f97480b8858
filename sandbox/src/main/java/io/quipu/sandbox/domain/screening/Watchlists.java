package io.quipu.sandbox.domain.screening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.quipu.sandbox.domain.BoundedStore;

/**
 * The lists a name is screened against: the bundled entries, plus entries added at runtime (at most
 * {@code addedCapacity}, the oldest go first). Thread-safe.
 */
public final class Watchlists {

    /** From this similarity on, a list entry matches the screened name. */
    public static final double MATCH_THRESHOLD = 0.9;
    public static final int MAX_MATCHES = 20;
    private static final int SCORE_DECIMALS = 4;

    private final List<WatchlistEntry> bundled;
    private final BoundedStore<WatchlistEntry, WatchlistEntry> added;

    public Watchlists(List<WatchlistEntry> bundled, int addedCapacity) {
        this.bundled = List.copyOf(bundled);
        this.added = new BoundedStore<>(addedCapacity);
    }

    /** The lists bundled with the sandbox in {@code screening/*.csv}, and room for {@code addedCapacity} more entries. */
    public static Watchlists bundled(int addedCapacity) {
        List<WatchlistEntry> entries = new ArrayList<>();
        for (Watchlist list : Watchlist.values()) {
            try (InputStream stream = Watchlists.class.getResourceAsStream("/screening/" + list.fileName())) {
                if (stream == null) {
                    throw new IllegalStateException("missing bundled list screening/" + list.fileName());
                }
                entries.addAll(read(list, new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Watchlists(entries, addedCapacity);
    }

    /**
     * Reads one list file: a header line {@code name,nationality,note}, then one entry a line; the name is the first
     * column. Blank lines and lines starting with {@code #} are skipped.
     */
    public static List<WatchlistEntry> read(Watchlist list, BufferedReader reader) throws IOException {
        List<WatchlistEntry> entries = new ArrayList<>();
        boolean header = true;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            int comma = trimmed.indexOf(',');
            String name = (comma < 0 ? trimmed : trimmed.substring(0, comma)).strip();
            if (!name.isEmpty()) {
                entries.add(new WatchlistEntry(list, name));
            }
        }
        return entries;
    }

    public void add(WatchlistEntry entry) {
        added.put(entry, entry);
    }

    /** Forgets the entries added at runtime; the bundled lists stay. */
    public void clearAdded() {
        added.clear();
    }

    public int size() {
        return bundled.size() + added.size();
    }

    public ScreeningOutcome screen(String fullName) {
        List<ScreeningMatch> matches = new ArrayList<>();
        List<WatchlistEntry> entries = new ArrayList<>(bundled);
        entries.addAll(added.values());
        for (WatchlistEntry entry : entries) {
            double similarity = NameSimilarity.tokenSetSimilarity(fullName, entry.name());
            if (similarity >= MATCH_THRESHOLD) {
                double score = BigDecimal.valueOf(similarity).setScale(SCORE_DECIMALS, RoundingMode.HALF_UP).doubleValue();
                matches.add(new ScreeningMatch(entry.list(), entry.name(), score));
            }
        }
        matches.sort(Comparator.comparingDouble(ScreeningMatch::score).reversed());
        List<ScreeningMatch> shown = matches.subList(0, Math.min(MAX_MATCHES, matches.size()));
        boolean hit = matches.stream().anyMatch(match -> match.list().isSanctions());
        boolean pep = matches.stream().anyMatch(match -> !match.list().isSanctions());
        return new ScreeningOutcome(hit, pep, shown);
    }
}

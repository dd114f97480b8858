package io.quipu.bench;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ledger's own figures over a measured window, from its {@code /actuator/prometheus} before and after: how many
 * batches its writer committed, how large and how long they were, and how long the transfer requests took
 * inside the ledger. Set beside the client's latency, they tell the time in the ledger from the time outside it
 * (Tomcat's queue, the kernel, the load generator).
 */
final class LedgerMeters implements LoadRun.WindowProbe {

    private static final String BATCH_SECONDS = "ledger_writer_batch_duration_seconds";
    private static final String BATCH_TRANSFERS = "ledger_writer_batch_transfers";
    private static final String REQUESTS = "http_server_requests_seconds";
    private static final String PHASE_SECONDS = "ledger_writer_batch_phase_seconds";
    private static final List<String> PHASES = List.of("read", "apply", "write", "commit", "answer");

    private final LedgerHttp http;
    private Snapshot before;
    private long startNanos;

    LedgerMeters(LedgerHttp http) {
        this.http = http;
    }

    /** The counters the report needs; buckets are cumulative counts by upper bound in seconds. */
    record Snapshot(double batches, double batchSeconds, double transfers, double requests, double requestSeconds,
                    TreeMap<Double, Double> batchBuckets, Map<String, Double> phaseSeconds) {
    }

    @Override
    public void start() {
        before = read();
        startNanos = System.nanoTime();
    }

    @Override
    public String stop() {
        Snapshot after = read();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (before == null || after == null) {
            return "meters not readable";
        }
        double batches = after.batches() - before.batches();
        double requests = after.requests() - before.requests();
        if (batches <= 0 || requests <= 0) {
            return "no batches";
        }
        StringBuilder phases = new StringBuilder();
        for (String phase : PHASES) {
            double phaseSeconds = after.phaseSeconds().getOrDefault(phase, 0.0)
                    - before.phaseSeconds().getOrDefault(phase, 0.0);
            phases.append(phases.isEmpty() ? "" : " / ")
                    .append(String.format(Locale.ROOT, "%.2f", phaseSeconds * 1000 / batches));
        }
        return String.format(Locale.ROOT,
                "%,.0f batches/s of %.1f transfers; batch %.2f ms mean, p99 ≤ %s ms; per batch, ms: %s %s; "
                        + "a transfer request %.2f ms in the ledger",
                batches / seconds, (after.transfers() - before.transfers()) / batches,
                (after.batchSeconds() - before.batchSeconds()) * 1000 / batches,
                p99BoundMillis(before.batchBuckets(), after.batchBuckets(), batches), String.join(" / ", PHASES),
                phases,
                (after.requestSeconds() - before.requestSeconds()) * 1000 / requests);
    }

    /** The smallest histogram bound under which 99% of the window's batches fell. */
    private static String p99BoundMillis(TreeMap<Double, Double> before, TreeMap<Double, Double> after,
                                         double batches) {
        for (Map.Entry<Double, Double> bucket : after.entrySet()) {
            double count = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
            if (count >= 0.99 * batches) {
                return bucket.getKey().isInfinite() ? "∞" : String.format(Locale.ROOT, "%.1f", bucket.getKey() * 1000);
            }
        }
        return "?";
    }

    private Snapshot read() {
        String text;
        try {
            LedgerHttp.Response response = http.get("/actuator/prometheus");
            if (response.status() != 200) {
                return null;
            }
            text = response.text();
        } catch (IOException e) {
            return null;
        }
        double batches = 0;
        double batchSeconds = 0;
        double transfers = 0;
        double requests = 0;
        double requestSeconds = 0;
        TreeMap<Double, Double> buckets = new TreeMap<>();
        Map<String, Double> phaseSeconds = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            String series = line.substring(0, space);
            double value = Double.parseDouble(line.substring(space + 1));
            if (series.startsWith(BATCH_SECONDS + "_count")) {
                batches += value;
            } else if (series.startsWith(BATCH_SECONDS + "_sum")) {
                batchSeconds += value;
            } else if (series.startsWith(BATCH_SECONDS + "_bucket")) {
                buckets.merge(bound(series), value, Double::sum);
            } else if (series.startsWith(PHASE_SECONDS + "_sum")) {
                phaseSeconds.merge(label(series, "phase"), value, Double::sum);
            } else if (series.startsWith(BATCH_TRANSFERS + "_sum")) {
                transfers += value;
            } else if (series.startsWith(REQUESTS + "_") && series.contains("method=\"POST\"")
                    && series.contains("uri=\"/transfers")) {
                if (series.startsWith(REQUESTS + "_count")) {
                    requests += value;
                } else if (series.startsWith(REQUESTS + "_sum")) {
                    requestSeconds += value;
                }
            }
        }
        return new Snapshot(batches, batchSeconds, transfers, requests, requestSeconds, buckets, phaseSeconds);
    }

    private static double bound(String series) {
        String bound = label(series, "le");
        return bound.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(bound);
    }

    private static String label(String series, String name) {
        int start = series.indexOf(name + "=\"") + name.length() + 2;
        return series.substring(start, series.indexOf('"', start));
    }
}

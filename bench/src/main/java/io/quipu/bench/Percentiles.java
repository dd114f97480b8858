package io.quipu.bench;

import java.util.Arrays;

/** Exact percentiles of recorded latencies (nearest-rank method: the smallest value with at least p% at or below it). */
public final class Percentiles {

    private Percentiles() {
    }

    /**
     * The nearest-rank percentile of ascending {@code sorted} values: rank = ceil(p / 100 × n), 1-based.
     * {@code percentile} is in (0, 100] with at most three decimals (99.9 is fine); exact integer arithmetic is used so
     * that, for example, p99 of 100 values is the 99th value and not the 100th.
     */
    public static long nearestRank(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        if (!(percentile > 0 && percentile <= 100)) {
            throw new IllegalArgumentException("percentile must be in (0, 100]: " + percentile);
        }
        long thousandths = Math.round(percentile * 1000);
        long n = sorted.length;
        long rank = (thousandths * n + 100_000 - 1) / 100_000;
        return sorted[(int) Math.max(1, Math.min(rank, n)) - 1];
    }

    /** A growable array of longs, one per worker thread: recording is an array store, merging happens once at the end. */
    public static final class Recorder {
        private long[] values = new long[1024];
        private int size;

        public void record(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = value;
        }

        public int size() {
            return size;
        }

        /** All values of these recorders, sorted ascending. */
        public static long[] mergeSorted(Iterable<Recorder> recorders) {
            int total = 0;
            for (Recorder recorder : recorders) {
                total += recorder.size;
            }
            long[] all = new long[total];
            int offset = 0;
            for (Recorder recorder : recorders) {
                System.arraycopy(recorder.values, 0, all, offset, recorder.size);
                offset += recorder.size;
            }
            Arrays.sort(all);
            return all;
        }
    }

    /** p50/p99/p99.9/max of latencies recorded in nanoseconds, in milliseconds; null when nothing was recorded. */
    public record Summary(long count, double p50Millis, double p99Millis, double p999Millis, double maxMillis) {

        public static Summary ofSortedNanos(long[] sorted) {
            if (sorted.length == 0) {
                return null;
            }
            return new Summary(sorted.length, millis(nearestRank(sorted, 50)), millis(nearestRank(sorted, 99)),
                    millis(nearestRank(sorted, 99.9)), millis(sorted[sorted.length - 1]));
        }

        private static double millis(long nanos) {
            return nanos / 1_000_000.0;
        }
    }
}

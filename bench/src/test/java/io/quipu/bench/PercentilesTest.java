package io.quipu.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    private static final long[] ONE_TO_HUNDRED = LongStream.rangeClosed(1, 100).toArray();

    @Test
    void nearestRankOfOneToHundredIsTheValueAtThatRank() {
        assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 50)).isEqualTo(50);
        // 0.99 × 100 is 99.00000000000001 in floating point: a naive ceil would answer 100.
        assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 99)).isEqualTo(99);
        assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 99.9)).isEqualTo(100);
        assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 100)).isEqualTo(100);
        assertThat(Percentiles.nearestRank(ONE_TO_HUNDRED, 0.001)).isEqualTo(1);
    }

    @Test
    void smallSamplesRoundTheRankUp() {
        long[] three = {10, 20, 30};
        assertThat(Percentiles.nearestRank(three, 33.3)).isEqualTo(10);
        assertThat(Percentiles.nearestRank(three, 33.4)).isEqualTo(20);
        assertThat(Percentiles.nearestRank(three, 50)).isEqualTo(20);
        assertThat(Percentiles.nearestRank(three, 99)).isEqualTo(30);
        assertThat(Percentiles.nearestRank(new long[] {7}, 99.9)).isEqualTo(7);
    }

    @Test
    void p999OfAThousandValuesIsTheNineHundredNinetyNinth() {
        long[] values = LongStream.rangeClosed(1, 1000).toArray();
        assertThat(Percentiles.nearestRank(values, 99.9)).isEqualTo(999);
        assertThat(Percentiles.nearestRank(values, 99)).isEqualTo(990);
    }

    @Test
    void refusesNoValuesAndPercentilesOutOfRange() {
        assertThatThrownBy(() -> Percentiles.nearestRank(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.nearestRank(ONE_TO_HUNDRED, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.nearestRank(ONE_TO_HUNDRED, 100.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.nearestRank(ONE_TO_HUNDRED, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recordersMergeSortedAndSummariseInMilliseconds() {
        Percentiles.Recorder first = new Percentiles.Recorder();
        Percentiles.Recorder second = new Percentiles.Recorder();
        for (long value = 2000; value >= 1; value--) {
            (value % 2 == 0 ? first : second).record(value * 1_000_000);
        }
        long[] merged = Percentiles.Recorder.mergeSorted(List.of(first, second));
        assertThat(merged).hasSize(2000).isSorted();

        Percentiles.Summary summary = Percentiles.Summary.ofSortedNanos(merged);
        assertThat(summary.count()).isEqualTo(2000);
        assertThat(summary.p50Millis()).isEqualTo(1000.0);
        assertThat(summary.p99Millis()).isEqualTo(1980.0);
        assertThat(summary.p999Millis()).isEqualTo(1998.0);
        assertThat(summary.maxMillis()).isEqualTo(2000.0);
        assertThat(Percentiles.Summary.ofSortedNanos(new long[0])).isNull();
    }
}

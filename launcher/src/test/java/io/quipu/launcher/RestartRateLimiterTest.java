package io.quipu.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RestartRateLimiterTest {

    private final RestartRateLimiter limiter = new RestartRateLimiter(3, 60_000);

    @Test
    void allowsThreeRestartsAMinuteAndRefusesTheFourth() {
        assertThat(limiter.tryRecordRestart(0)).isTrue();
        assertThat(limiter.tryRecordRestart(10_000)).isTrue();
        assertThat(limiter.tryRecordRestart(20_000)).isTrue();
        assertThat(limiter.tryRecordRestart(59_999)).isFalse();
    }

    @Test
    void theWindowSlides() {
        limiter.tryRecordRestart(0);
        limiter.tryRecordRestart(10_000);
        limiter.tryRecordRestart(20_000);
        // The first restart is a minute old: one place is free again, not three.
        assertThat(limiter.tryRecordRestart(60_000)).isTrue();
        assertThat(limiter.tryRecordRestart(60_001)).isFalse();
        assertThat(limiter.tryRecordRestart(80_000)).isTrue();
    }

    @Test
    void aRefusedRestartDoesNotCount() {
        limiter.tryRecordRestart(0);
        limiter.tryRecordRestart(1);
        limiter.tryRecordRestart(2);
        assertThat(limiter.tryRecordRestart(3)).isFalse();
        assertThat(limiter.tryRecordRestart(4)).isFalse();
        assertThat(limiter.tryRecordRestart(60_000)).isTrue();
    }
}

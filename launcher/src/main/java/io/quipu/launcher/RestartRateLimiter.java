package io.quipu.launcher;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Allows at most a number of restarts within a sliding time window, so that a service that crashes on every start is
 * given up on instead of being restarted forever.
 */
final class RestartRateLimiter {

    private final int maximumRestartsPerWindow;
    private final long windowMillis;
    private final Deque<Long> restartTimesMillis = new ArrayDeque<>();

    RestartRateLimiter(int maximumRestartsPerWindow, long windowMillis) {
        this.maximumRestartsPerWindow = maximumRestartsPerWindow;
        this.windowMillis = windowMillis;
    }

    /** Records a restart at {@code nowMillis} and returns true, or returns false when the window is full. */
    synchronized boolean tryRecordRestart(long nowMillis) {
        while (!restartTimesMillis.isEmpty() && restartTimesMillis.peekFirst() <= nowMillis - windowMillis) {
            restartTimesMillis.removeFirst();
        }
        if (restartTimesMillis.size() >= maximumRestartsPerWindow) {
            return false;
        }
        restartTimesMillis.addLast(nowMillis);
        return true;
    }
}

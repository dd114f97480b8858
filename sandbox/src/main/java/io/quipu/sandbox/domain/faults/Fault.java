package io.quipu.sandbox.domain.faults;

import java.util.Objects;

/**
 * A fault injected into a provider.
 *
 * @param delayMillis    how long a slow provider waits before answering; 0 when it is down
 * @param remainingCalls how many of the next calls it affects; {@value #UNTIL_CLEARED} while it is not cleared
 */
public record Fault(Provider provider, FaultMode mode, long delayMillis, int remainingCalls) {

    public static final int UNTIL_CLEARED = -1;

    public Fault {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(mode, "mode");
        if (remainingCalls == 0 || remainingCalls < UNTIL_CLEARED) {
            throw new IllegalArgumentException("remainingCalls must be positive or " + UNTIL_CLEARED + ": " + remainingCalls);
        }
    }

    boolean isLastCall() {
        return remainingCalls == 1;
    }

    Fault afterOneCall() {
        return remainingCalls == UNTIL_CLEARED ? this : new Fault(provider, mode, delayMillis, remainingCalls - 1);
    }
}

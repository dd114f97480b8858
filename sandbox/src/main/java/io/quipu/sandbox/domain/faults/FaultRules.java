package io.quipu.sandbox.domain.faults;

import java.util.ArrayList;
import java.util.List;

import io.quipu.sandbox.domain.Violation;

/** What a fault may be: a known mode, a bounded delay for a slow provider, a count of calls or "until cleared". */
public final class FaultRules {

    public static final long MAX_DELAY_MILLIS = 60_000;
    public static final int MAX_REMAINING_CALLS = 1_000_000;

    private FaultRules() {
    }

    public static List<Violation> check(String mode, Long delayMillis, Integer remainingCalls) {
        List<Violation> violations = new ArrayList<>();
        FaultMode faultMode = null;
        if (mode == null) {
            violations.add(new Violation("mode", "required", "is required"));
        } else {
            faultMode = FaultMode.ofApiName(mode).orElse(null);
            if (faultMode == null) {
                violations.add(new Violation("mode", "invalid_value", "must be one of: down, slow"));
            }
        }
        if (faultMode == FaultMode.SLOW && delayMillis == null) {
            violations.add(new Violation("delayMillis", "required", "is required when the mode is slow"));
        } else if (delayMillis != null && (delayMillis < 0 || delayMillis > MAX_DELAY_MILLIS)) {
            violations.add(new Violation("delayMillis", "out_of_range", "must be between 0 and " + MAX_DELAY_MILLIS));
        }
        if (remainingCalls != null && remainingCalls != Fault.UNTIL_CLEARED
                && (remainingCalls < 1 || remainingCalls > MAX_REMAINING_CALLS)) {
            violations.add(new Violation("remainingCalls", "out_of_range",
                    "must be between 1 and " + MAX_REMAINING_CALLS + ", or -1 for every call until cleared"));
        }
        return violations;
    }
}

package io.quipu.sandbox.domain.faults;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The faults in force, one per provider at most. Each call to a provider uses up one of its fault's calls. Thread-safe. */
public final class FaultBook {

    private final Map<Provider, Fault> faults = new EnumMap<>(Provider.class);

    /** Puts the fault in force, replacing the provider's earlier one. */
    public synchronized void set(Fault fault) {
        faults.put(fault.provider(), fault);
    }

    public synchronized void clear(Provider provider) {
        faults.remove(provider);
    }

    public synchronized void clearAll() {
        faults.clear();
    }

    public synchronized List<Fault> active() {
        return new ArrayList<>(faults.values());
    }

    /**
     * The fault that affects this call to the provider, if any, counted as used: the last affected call clears it,
     * so the next one is answered normally.
     */
    public synchronized Optional<Fault> takeFor(Provider provider) {
        Fault fault = faults.get(provider);
        if (fault == null) {
            return Optional.empty();
        }
        if (fault.isLastCall()) {
            faults.remove(provider);
        } else {
            faults.put(provider, fault.afterOneCall());
        }
        return Optional.of(fault);
    }
}

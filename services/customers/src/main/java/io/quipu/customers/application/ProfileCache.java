package io.quipu.customers.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The other services' parts of customer 360° views kept for a while (TTL), at most {@code capacity} (the least recently used go first), dropped when
 * a transfer of the customer or a change of the customer is announced. Per instance: each instance hears every event.
 */
public class ProfileCache {

    private record Entry(ProfileService.Parts profile, Instant expiresAt) {
    }

    private final Duration timeToLive;
    private final int capacity;
    private final Clock clock;
    private final Map<UUID, Entry> entries;

    public ProfileCache(Duration timeToLive, int capacity, Clock clock) {
        if (timeToLive.isNegative() || capacity < 1 || capacity > 1_000_000) {
            throw new IllegalArgumentException("timeToLive must not be negative and capacity must be 1 to 1,000,000");
        }
        this.timeToLive = timeToLive;
        this.capacity = capacity;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Entry> eldest) {
                return size() > ProfileCache.this.capacity;
            }
        };
    }

    public synchronized ProfileService.Parts get(UUID customerId) {
        Entry entry = entries.get(customerId);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            entries.remove(customerId);
            return null;
        }
        return entry.profile();
    }

    public synchronized void put(UUID customerId, ProfileService.Parts profile) {
        if (!timeToLive.isZero()) {
            entries.put(customerId, new Entry(profile, clock.instant().plus(timeToLive)));
        }
    }

    public synchronized void evict(UUID customerId) {
        entries.remove(customerId);
    }

    public synchronized int size() {
        return entries.size();
    }
}

package io.quipu.sandbox.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Values by key, at most {@code capacity}: the oldest insertion goes first, so a long demo or a load test never
 * exhausts memory. Replacing a key's value makes it the newest. Thread-safe.
 */
public final class BoundedStore<K, V> {

    private final int capacity;
    private final LinkedHashMap<K, V> oldestFirst = new LinkedHashMap<>();

    public BoundedStore(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    public synchronized void put(K key, V value) {
        oldestFirst.remove(key);
        oldestFirst.put(key, value);
        while (oldestFirst.size() > capacity) {
            K oldest = oldestFirst.keySet().iterator().next();
            oldestFirst.remove(oldest);
        }
    }

    public synchronized Optional<V> find(K key) {
        return Optional.ofNullable(oldestFirst.get(key));
    }

    public synchronized boolean remove(K key) {
        return oldestFirst.remove(key) != null;
    }

    /** Every value, oldest first. */
    public synchronized List<V> values() {
        return new ArrayList<>(oldestFirst.values());
    }

    public synchronized int size() {
        return oldestFirst.size();
    }

    public synchronized void clear() {
        oldestFirst.clear();
    }
}

package io.quipu.sandbox.domain.push;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/** Every push message the simulated provider delivered, newest first, at most {@code capacity} (the oldest go first). Thread-safe. */
public final class PushInbox {

    private final int capacity;
    private final Deque<PushMessage> newestFirst = new ArrayDeque<>();

    public PushInbox(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    public synchronized void add(PushMessage message) {
        newestFirst.addFirst(message);
        while (newestFirst.size() > capacity) {
            newestFirst.removeLast();
        }
    }

    /**
     * The newest messages, to one device when a token is given.
     *
     * @param token a registration token; null for every message
     * @param limit how many at most
     */
    public synchronized List<PushMessage> latest(String token, int limit) {
        List<PushMessage> found = new ArrayList<>(Math.min(limit, newestFirst.size()));
        Iterator<PushMessage> messages = newestFirst.iterator();
        while (messages.hasNext() && found.size() < limit) {
            PushMessage message = messages.next();
            if (token == null || message.token().equals(token)) {
                found.add(message);
            }
        }
        return found;
    }

    public synchronized int size() {
        return newestFirst.size();
    }

    public synchronized void clear() {
        newestFirst.clear();
    }
}

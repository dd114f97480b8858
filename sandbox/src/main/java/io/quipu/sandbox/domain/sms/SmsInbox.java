package io.quipu.sandbox.domain.sms;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Every SMS the simulated gateway accepted, newest first, at most {@code capacity} (the oldest go first). Thread-safe. */
public final class SmsInbox {

    private final int capacity;
    private final Deque<SmsMessage> newestFirst = new ArrayDeque<>();

    public SmsInbox(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    public synchronized void add(SmsMessage message) {
        newestFirst.addFirst(message);
        while (newestFirst.size() > capacity) {
            newestFirst.removeLast();
        }
    }

    /**
     * The newest messages, to one phone when one is given.
     *
     * @param to    an E.164 phone number; null for every message
     * @param limit how many at most
     */
    public synchronized List<SmsMessage> latest(String to, int limit) {
        List<SmsMessage> found = new ArrayList<>(Math.min(limit, newestFirst.size()));
        Iterator<SmsMessage> messages = newestFirst.iterator();
        while (messages.hasNext() && found.size() < limit) {
            SmsMessage message = messages.next();
            if (to == null || message.to().equals(to)) {
                found.add(message);
            }
        }
        return found;
    }

    public synchronized Optional<SmsMessage> newestTo(String to) {
        List<SmsMessage> newest = latest(to, 1);
        return newest.isEmpty() ? Optional.empty() : Optional.of(newest.get(0));
    }

    public synchronized int size() {
        return newestFirst.size();
    }

    public synchronized void clear() {
        newestFirst.clear();
    }
}

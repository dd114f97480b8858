package io.quipu.sandbox.domain.mail;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Every e-mail the sandbox received, newest first. Bounded by a number of messages and by the bytes they hold: the
 * oldest go first, so a long demo or a load test never exhausts memory. Thread-safe.
 */
public final class Mailbox {

    private final int capacity;
    private final long maxStoredBytes;
    private final Deque<ReceivedMail> newestFirst = new ArrayDeque<>();
    private final Map<UUID, ReceivedMail> byId = new HashMap<>();
    private long storedBytes;

    public Mailbox(int capacity, long maxStoredBytes) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        if (maxStoredBytes < 1) {
            throw new IllegalArgumentException("maxStoredBytes must be positive: " + maxStoredBytes);
        }
        this.capacity = capacity;
        this.maxStoredBytes = maxStoredBytes;
    }

    /** Keeps the mail, dropping the oldest ones over the bounds; the newest mail is always kept. */
    public synchronized void add(ReceivedMail mail) {
        newestFirst.addFirst(mail);
        byId.put(mail.id(), mail);
        storedBytes += mail.sizeBytes();
        while (newestFirst.size() > capacity || (storedBytes > maxStoredBytes && newestFirst.size() > 1)) {
            ReceivedMail oldest = newestFirst.removeLast();
            byId.remove(oldest.id());
            storedBytes -= oldest.sizeBytes();
        }
    }

    /**
     * The newest mails, to one address when one is given.
     *
     * @param to    a recipient address, compared without case; null for every mail
     * @param limit how many at most
     */
    public synchronized List<ReceivedMail> latest(String to, int limit) {
        List<ReceivedMail> found = new ArrayList<>(Math.min(limit, newestFirst.size()));
        Iterator<ReceivedMail> mails = newestFirst.iterator();
        while (mails.hasNext() && found.size() < limit) {
            ReceivedMail mail = mails.next();
            if (to == null || mail.isAddressedTo(to)) {
                found.add(mail);
            }
        }
        return found;
    }

    public synchronized Optional<ReceivedMail> find(UUID id) {
        return Optional.ofNullable(byId.get(id));
    }

    public synchronized int size() {
        return newestFirst.size();
    }

    public synchronized void clear() {
        newestFirst.clear();
        byId.clear();
        storedBytes = 0;
    }
}

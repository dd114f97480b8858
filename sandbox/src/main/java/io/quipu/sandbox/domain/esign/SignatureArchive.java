package io.quipu.sandbox.domain.esign;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The signed documents, by signature id and by the client's request id. Bounded by a number of documents and by the
 * bytes they hold (a signed PDF may be megabytes): the oldest go first, the newest is always kept. Thread-safe.
 */
public final class SignatureArchive {

    private final int capacity;
    private final long maxStoredBytes;
    private final LinkedHashMap<UUID, SignedDocument> oldestFirst = new LinkedHashMap<>();
    private final Map<String, UUID> signatureIdByRequestId = new HashMap<>();
    private long storedBytes;

    public SignatureArchive(int capacity, long maxStoredBytes) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        if (maxStoredBytes < 1) {
            throw new IllegalArgumentException("maxStoredBytes must be positive: " + maxStoredBytes);
        }
        this.capacity = capacity;
        this.maxStoredBytes = maxStoredBytes;
    }

    /**
     * Keeps the document unless its request id already has one: then that earlier document is the answer, so two
     * concurrent retries of one request end with one signature.
     */
    public synchronized SignedDocument addIfAbsent(SignedDocument document) {
        Optional<SignedDocument> earlier = findByRequestId(document.requestId());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        oldestFirst.put(document.signatureId(), document);
        signatureIdByRequestId.put(document.requestId(), document.signatureId());
        storedBytes += document.signedDocument().length;
        while (oldestFirst.size() > capacity || (storedBytes > maxStoredBytes && oldestFirst.size() > 1)) {
            SignedDocument oldest = oldestFirst.remove(oldestFirst.keySet().iterator().next());
            signatureIdByRequestId.remove(oldest.requestId());
            storedBytes -= oldest.signedDocument().length;
        }
        return document;
    }

    public synchronized Optional<SignedDocument> find(UUID signatureId) {
        return Optional.ofNullable(oldestFirst.get(signatureId));
    }

    public synchronized Optional<SignedDocument> findByRequestId(String requestId) {
        UUID signatureId = signatureIdByRequestId.get(requestId);
        return signatureId == null ? Optional.empty() : Optional.ofNullable(oldestFirst.get(signatureId));
    }

    public synchronized int size() {
        return oldestFirst.size();
    }
}

package io.quipu.contracts.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The platform's Kafka topics and their partition counts (ARCHITECTURE.md, from the design documents). Every event is
 * a CloudEvent keyed by its aggregate id (account, customer, payment, loan), so one aggregate's events stay in order.
 * Each topic has a dead-letter topic {@code <topic>.DLT} for records its consumers cannot process.
 */
public final class Topics {

    public static final String PAYMENTS = "payments";
    public static final String TRANSFERS = "transfers";
    public static final String AUTH_EVENTS = "auth-events";
    public static final String NOTIFICATIONS = "notifications";
    public static final String AUDIT_LOGS = "audit-logs";
    public static final String CUSTOMERS = "customers";
    public static final String LOANS = "loans";

    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }

    /** Topic name to partition count, in a stable order. */
    public static Map<String, Integer> partitions() {
        Map<String, Integer> partitions = new LinkedHashMap<>();
        partitions.put(PAYMENTS, 6);
        partitions.put(TRANSFERS, 6);
        partitions.put(AUTH_EVENTS, 3);
        partitions.put(NOTIFICATIONS, 3);
        partitions.put(AUDIT_LOGS, 12);
        partitions.put(CUSTOMERS, 3);
        partitions.put(LOANS, 3);
        return partitions;
    }

    /** The topics with their dead-letter topics, which get the same partition count. */
    public static Map<String, Integer> partitionsWithDeadLetters() {
        Map<String, Integer> all = new LinkedHashMap<>(partitions());
        partitions().forEach((topic, count) -> all.put(topic + DEAD_LETTER_SUFFIX, count));
        return all;
    }
}

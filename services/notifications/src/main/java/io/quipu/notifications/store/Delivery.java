package io.quipu.notifications.store;

import java.time.Instant;
import java.util.UUID;

import io.quipu.notifications.domain.Channel;

/** One channel's delivery of a notification, as the log keeps it. */
public record Delivery(UUID id, UUID notificationId, Channel channel, String status, int attempts,
        Instant nextAttemptAt, String lastError, Instant sentAt) {

    public static final String QUEUED = "queued";
    public static final String SENT = "sent";
    public static final String RETRYING = "retrying";
    /** Refused for good (no address, the provider rejected the message): not retried. */
    public static final String FAILED = "failed";
    /** Every try failed: given up, kept for an operator (the dead-letter state). */
    public static final String DEAD = "dead";
    /** Nothing to do: no open live stream, or no address for the channel. */
    public static final String SKIPPED = "skipped";
}

package io.quipu.notifications.application;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quipu.platform.money.Money;

/**
 * A notification as the customer sees it, in the inbox and on the live stream. {@code title} and {@code body} are in
 * the customer's language; they are null while the notification waits for the customers service. {@code deliveries}
 * is empty on the live stream.
 */
public record NotificationView(UUID id, String kind, Instant createdAt, String title, String body, Money amount,
        String account, UUID accountId, String counterparty, Money balanceAfter, List<DeliveryView> deliveries) {

    /** One channel's delivery; {@code nextAttemptAt} only while it is queued or retrying. */
    public record DeliveryView(String channel, String status, int attempts, Instant nextAttemptAt, String lastError,
            Instant sentAt) {
    }
}

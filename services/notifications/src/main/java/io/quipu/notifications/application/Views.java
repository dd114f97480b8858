package io.quipu.notifications.application;

import java.util.List;

import io.quipu.notifications.domain.Message;
import io.quipu.notifications.store.Delivery;
import io.quipu.notifications.store.StoredNotification;

/** Stored rows to what the API shows. */
final class Views {

    private Views() {
    }

    static NotificationView notification(StoredNotification notification, Message message, List<Delivery> deliveries) {
        String title = message != null ? message.subject() : notification.title();
        String body = message != null ? message.body() : notification.body();
        return new NotificationView(notification.id(), notification.kind().wireName(), notification.createdAt(), title, body,
                notification.facts().amount(), notification.facts().accountMasked(), notification.facts().accountId(),
                notification.facts().counterpartyMasked(), notification.facts().balanceAfter(),
                deliveries.stream().map(Views::delivery).toList());
    }

    static NotificationView.DeliveryView delivery(Delivery delivery) {
        boolean pending = Delivery.QUEUED.equals(delivery.status()) || Delivery.RETRYING.equals(delivery.status());
        return new NotificationView.DeliveryView(delivery.channel().wireName(), delivery.status(), delivery.attempts(),
                pending ? delivery.nextAttemptAt() : null, delivery.lastError(), delivery.sentAt());
    }
}

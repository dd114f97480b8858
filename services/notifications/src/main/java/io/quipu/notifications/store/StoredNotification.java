package io.quipu.notifications.store;

import java.time.Instant;
import java.util.UUID;

import io.quipu.notifications.domain.NotificationFacts;
import io.quipu.notifications.domain.NotificationKind;

/** A notification as stored; {@code language}, {@code title} and {@code body} are null until it was first rendered. */
public record StoredNotification(UUID id, UUID customerId, NotificationKind kind, NotificationFacts facts,
        String language, String title, String body, Instant createdAt) {
}

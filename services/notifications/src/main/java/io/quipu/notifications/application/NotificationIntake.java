package io.quipu.notifications.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import io.quipu.notifications.domain.Channel;
import io.quipu.notifications.domain.NotificationFacts;
import io.quipu.notifications.domain.NotificationKind;
import io.quipu.notifications.store.DeliveryStore;
import io.quipu.notifications.store.NotificationStore;
import io.quipu.notifications.store.PreferenceStore;

/**
 * Turns a decision ("tell this customer this") into a notification and one queued delivery per channel the customer
 * wants for its kind. Runs inside the event inbox's transaction: the event counts as processed exactly when its
 * notification exists, so a redelivered event adds nothing.
 */
public class NotificationIntake {

    private final NotificationStore notifications;
    private final DeliveryStore deliveries;
    private final PreferenceStore preferences;
    private final Clock clock;

    public NotificationIntake(NotificationStore notifications, DeliveryStore deliveries, PreferenceStore preferences,
                              Clock clock) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.preferences = preferences;
        this.clock = clock;
    }

    /** @return the channels queued; empty when the event had been turned into this notification before */
    public Set<Channel> accept(UUID customerId, NotificationKind kind, String sourceEventId, NotificationFacts facts) {
        Instant now = clock.instant();
        UUID id = io.quipu.platform.id.Ids.newId();
        if (!notifications.insert(id, customerId, kind, sourceEventId, facts, now)) {
            return Set.of();
        }
        Set<Channel> channels = preferences.find(customerId).channelsFor(kind);
        for (Channel channel : channels) {
            deliveries.insertQueued(id, channel, now);
        }
        return channels;
    }
}

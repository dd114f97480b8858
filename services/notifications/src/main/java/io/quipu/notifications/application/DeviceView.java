package io.quipu.notifications.application;

import java.time.Instant;
import java.util.UUID;

/** A device registered for push notifications, as its owner sees it: the provider's token stays in this service. */
public record DeviceView(UUID id, String platform, String label, Instant createdAt) {
}

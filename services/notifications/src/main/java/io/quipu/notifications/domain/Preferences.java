package io.quipu.notifications.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A customer's choice of channels per kind; a kind the customer never chose uses its defaults
 * ({@link NotificationKind#defaultChannels()}). An empty set means "do not tell me" (the inbox still shows it).
 */
public final class Preferences {

    private final Map<NotificationKind, Set<Channel>> chosen;

    public Preferences(Map<NotificationKind, Set<Channel>> chosen) {
        EnumMap<NotificationKind, Set<Channel>> copy = new EnumMap<>(NotificationKind.class);
        chosen.forEach((kind, channels) -> copy.put(kind, channels.isEmpty()
                ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(channels)));
        this.chosen = copy;
    }

    public static Preferences defaults() {
        return new Preferences(Map.of());
    }

    public Set<Channel> channelsFor(NotificationKind kind) {
        Set<Channel> channels = chosen.get(kind);
        return Collections.unmodifiableSet(channels != null ? channels : kind.defaultChannels());
    }

    public boolean isDefault(NotificationKind kind) {
        return !chosen.containsKey(kind);
    }

    /** Every kind with its channels, chosen or default. */
    public Map<NotificationKind, Set<Channel>> effective() {
        EnumMap<NotificationKind, Set<Channel>> all = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            all.put(kind, channelsFor(kind));
        }
        return all;
    }
}

package io.quipu.notifications.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.transaction.support.TransactionTemplate;

import io.quipu.notifications.domain.Channel;
import io.quipu.notifications.domain.NotificationKind;
import io.quipu.notifications.domain.Preferences;
import io.quipu.notifications.store.Delivery;
import io.quipu.notifications.store.DeliveryStore;
import io.quipu.notifications.store.DeviceStore;
import io.quipu.notifications.store.NotificationStore;
import io.quipu.notifications.store.PreferenceStore;
import io.quipu.notifications.store.StoredNotification;

/** What a customer reads and sets about their own notifications: the inbox and the preferences. */
public class CustomerNotifications {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    /** Phones and browsers per customer; a lost phone is removed by the customer (or by the provider's answer). */
    public static final int MAX_DEVICES = 10;
    public static final int MAX_TOKEN_CHARACTERS = 4096;
    public static final int MAX_LABEL_CHARACTERS = 60;
    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9_:.\\-]+");
    private static final Set<String> PLATFORMS = Set.of("android", "ios", "web");

    private final NotificationStore notifications;
    private final DeliveryStore deliveries;
    private final PreferenceStore preferences;
    private final DeviceStore devices;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public CustomerNotifications(NotificationStore notifications, DeliveryStore deliveries, PreferenceStore preferences,
                                 DeviceStore devices, TransactionTemplate transactions, Clock clock) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.preferences = preferences;
        this.devices = devices;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Newest first; the cursor is the last id of the previous page. */
    public NotificationPage inbox(UUID customerId, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw NotificationProblems.invalidLimit(MAX_PAGE_SIZE);
        }
        UUID before = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                before = UUID.fromString(cursor);
            } catch (IllegalArgumentException e) {
                throw NotificationProblems.invalidCursor();
            }
        }
        // One row more than asked tells whether there is a next page.
        List<StoredNotification> rows = notifications.newest(customerId, before, limit + 1);
        boolean more = rows.size() > limit;
        List<StoredNotification> page = more ? rows.subList(0, limit) : rows;
        Map<UUID, List<Delivery>> byNotification = deliveries.forNotifications(page.stream().map(StoredNotification::id).toList())
                .stream().collect(Collectors.groupingBy(Delivery::notificationId));
        List<NotificationView> items = new ArrayList<>(page.size());
        for (StoredNotification notification : page) {
            items.add(Views.notification(notification, null, byNotification.getOrDefault(notification.id(), List.of())));
        }
        return new NotificationPage(items, more ? page.get(page.size() - 1).id().toString() : null);
    }

    public PreferencesView preferences(UUID customerId) {
        return view(preferences.find(customerId));
    }

    /** Replaces the channels of the kinds given; the whole request is checked before anything is saved. */
    public PreferencesView updatePreferences(UUID customerId, PreferencesView request) {
        if (request == null || request.events() == null || request.events().isEmpty()
                || request.events().size() > NotificationKind.values().length) {
            throw NotificationProblems.preferencesRequired();
        }
        Map<NotificationKind, Set<Channel>> chosen = new EnumMap<>(NotificationKind.class);
        request.events().forEach((name, channelNames) -> {
            NotificationKind kind = parse(name, NotificationKind::fromWireName, NotificationProblems.unknownKind(safe(name)));
            if (channelNames == null || channelNames.size() > Channel.values().length) {
                throw NotificationProblems.unknownChannel(kind.wireName());
            }
            Set<Channel> channels = EnumSet.noneOf(Channel.class);
            for (String channelName : channelNames) {
                channels.add(parse(channelName, Channel::fromWireName, NotificationProblems.unknownChannel(kind.wireName())));
            }
            chosen.put(kind, channels);
        });
        transactions.executeWithoutResult(status ->
                chosen.forEach((kind, channels) -> preferences.save(customerId, kind, channels, clock.instant())));
        return preferences(customerId);
    }

    public List<DeviceView> devices(UUID customerId) {
        return devices.ofCustomer(customerId, MAX_DEVICES).stream().map(CustomerNotifications::view).toList();
    }

    /** Registers a device for push; the same token again is the same device (the app registers at every start). */
    public DeviceView registerDevice(UUID customerId, RegisterDeviceRequest request) {
        if (request == null) {
            throw NotificationProblems.deviceRequired();
        }
        String token = request.token();
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_CHARACTERS || !TOKEN.matcher(token).matches()) {
            throw NotificationProblems.invalidDeviceField("token", "The push provider's registration token (letters, digits, "
                    + "'_', ':', '.', '-'; at most " + MAX_TOKEN_CHARACTERS + ").");
        }
        if (request.platform() == null || !PLATFORMS.contains(request.platform())) {
            throw NotificationProblems.invalidDeviceField("platform", "The platform is android, ios or web.");
        }
        String label = request.label() == null ? null : request.label().replaceAll("\\p{Cntrl}", " ").strip();
        if (label != null && label.length() > MAX_LABEL_CHARACTERS) {
            throw NotificationProblems.invalidDeviceField("label", "The label has at most " + MAX_LABEL_CHARACTERS + " characters.");
        }
        return transactions.execute(status -> {
            DeviceStore.Device device = devices.register(customerId, token, request.platform(),
                    label == null || label.isEmpty() ? null : label, clock.instant());
            if (devices.count(customerId) > MAX_DEVICES) {
                status.setRollbackOnly();
                throw NotificationProblems.tooManyDevices(MAX_DEVICES);
            }
            return view(device);
        });
    }

    public void removeDevice(UUID customerId, UUID deviceId) {
        if (!devices.delete(customerId, deviceId)) {
            throw NotificationProblems.deviceNotFound();
        }
    }

    private static DeviceView view(DeviceStore.Device device) {
        return new DeviceView(device.id(), device.platform(), device.label(), device.createdAt());
    }

    private static <T> T parse(String name, Function<String, T> parser, RuntimeException problem) {
        if (name == null) {
            throw problem;
        }
        try {
            return parser.apply(name);
        } catch (IllegalArgumentException e) {
            throw problem;
        }
    }

    /** A name echoed in a problem is cut and kept to safe characters. */
    private static String safe(String name) {
        String kept = name == null ? "" : name.replaceAll("[^a-z0-9_]", "_");
        return kept.length() > 40 ? kept.substring(0, 40) : kept;
    }

    private static PreferencesView view(Preferences preferences) {
        Map<String, List<String>> events = new LinkedHashMap<>();
        preferences.effective().forEach((kind, channels) ->
                events.put(kind.wireName(), channels.stream().sorted().map(Channel::wireName).toList()));
        return new PreferencesView(events);
    }
}

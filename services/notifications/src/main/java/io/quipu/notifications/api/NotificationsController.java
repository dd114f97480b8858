package io.quipu.notifications.api;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.quipu.notifications.application.CustomerNotifications;
import io.quipu.notifications.application.DeviceView;
import io.quipu.notifications.application.LiveStreams;
import io.quipu.notifications.application.NotificationPage;
import io.quipu.notifications.application.PreferencesView;
import io.quipu.notifications.application.RegisterDeviceRequest;
import io.quipu.platform.security.CurrentCaller;

/**
 * A customer's own notifications: the inbox, the live stream, the preferences and the devices for push. Always the
 * token's customer.
 */
@RestController
@RequestMapping("/notifications")
public class NotificationsController {

    private final CustomerNotifications notifications;
    private final LiveStreams streams;

    public NotificationsController(CustomerNotifications notifications, LiveStreams streams) {
        this.notifications = notifications;
        this.streams = streams;
    }

    @GetMapping
    public NotificationPage inbox(@RequestParam(required = false) String cursor,
                                  @RequestParam(defaultValue = "" + CustomerNotifications.DEFAULT_PAGE_SIZE) int limit) {
        return notifications.inbox(CurrentCaller.requireCustomerId(), cursor, limit);
    }

    /** Server-Sent Events: {@code event: notification}, {@code id}: the notification's id, {@code data}: as in the inbox. */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream() {
        return streams.open(CurrentCaller.requireCustomerId());
    }

    @GetMapping("/preferences")
    public PreferencesView preferences() {
        return notifications.preferences(CurrentCaller.requireCustomerId());
    }

    @PutMapping("/preferences")
    public PreferencesView updatePreferences(@RequestBody PreferencesView request) {
        return notifications.updatePreferences(CurrentCaller.requireCustomerId(), request);
    }

    /** The caller's devices that take push notifications. */
    @GetMapping("/devices")
    public List<DeviceView> devices() {
        return notifications.devices(CurrentCaller.requireCustomerId());
    }

    /** Registers the app's push registration token for the caller; the same token again answers the same device. */
    @PostMapping("/devices")
    @ResponseStatus(HttpStatus.CREATED)
    public DeviceView registerDevice(@RequestBody RegisterDeviceRequest request) {
        return notifications.registerDevice(CurrentCaller.requireCustomerId(), request);
    }

    @DeleteMapping("/devices/{deviceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void removeDevice(@PathVariable UUID deviceId) {
        notifications.removeDevice(CurrentCaller.requireCustomerId(), deviceId);
    }
}

package io.quipu.notifications.application;

import io.quipu.notifications.domain.Channel;
import io.quipu.notifications.domain.NotificationKind;

import org.springframework.http.HttpStatus;

import io.quipu.platform.web.ApiException;

/** The problems the notifications service answers with (RFC 9457 with a stable {@code code}). */
public final class NotificationProblems {

    private NotificationProblems() {
    }

    public static ApiException invalidLimit(int max) {
        return ApiException.badRequest("invalid_limit", "limit must be 1 to " + max + ".");
    }

    public static ApiException invalidCursor() {
        return ApiException.badRequest("invalid_cursor", "The cursor is not one this service gave.");
    }

    public static ApiException preferencesRequired() {
        return ApiException.badRequest("invalid_preferences", "The body must be {\"events\": {\"<kind>\": [\"<channel>\", ...]}}.");
    }

    public static ApiException unknownKind(String kind) {
        return ApiException.invalidField("events." + kind, "unknown_kind",
                "Not a notification kind; the kinds are " + NotificationKind.wireNames() + ".");
    }

    public static ApiException unknownChannel(String kind) {
        return ApiException.invalidField("events." + kind, "unknown_channel", "The channels are " + Channel.wireNames() + ".");
    }

    public static ApiException tooManyStreams() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "too_many_streams",
                "Too many live streams are open; the inbox still has every notification. Try again later.");
    }

    public static ApiException deviceRequired() {
        return ApiException.badRequest("invalid_device", "The body must be {\"token\": \"...\", \"platform\": \"android|ios|web\"}.");
    }

    public static ApiException invalidDeviceField(String field, String message) {
        return ApiException.invalidField(field, "invalid_" + field, message);
    }

    public static ApiException tooManyDevices(int max) {
        return ApiException.conflict("too_many_devices", "At most " + max + " devices take push notifications; remove one first.");
    }

    public static ApiException deviceNotFound() {
        return ApiException.notFound("device_not_found", "No such device of yours.");
    }
}

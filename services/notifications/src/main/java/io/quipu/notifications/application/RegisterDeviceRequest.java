package io.quipu.notifications.application;

/**
 * {@code POST /notifications/devices}: the registration token the app got from the push provider's SDK, the platform
 * ({@code android}, {@code ios}, {@code web}) and a label the customer recognises ("Ana's phone"), optional.
 */
public record RegisterDeviceRequest(String token, String platform, String label) {
}

package io.quipu.notifications.application;

import java.util.List;

/** One page of the inbox, newest first; {@code nextCursor} is absent on the last page. */
public record NotificationPage(List<NotificationView> items, String nextCursor) {
}

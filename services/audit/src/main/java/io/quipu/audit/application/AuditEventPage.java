package io.quipu.audit.application;

import java.util.List;

/** One page of events, newest first; {@code nextCursor} (older events) is absent on the last page. */
public record AuditEventPage(List<AuditEventView> items, String nextCursor) {
}

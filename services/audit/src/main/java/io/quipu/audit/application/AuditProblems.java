package io.quipu.audit.application;

import io.quipu.platform.web.ApiException;

/** The problems the audit service answers with (RFC 9457 with a stable {@code code}). */
final class AuditProblems {

    private AuditProblems() {
    }

    static ApiException invalidTime(String field) {
        return ApiException.invalidField(field, "invalid_date_time",
                field + " must be an ISO-8601 date and time with an offset, e.g. 2026-11-25T09:30:00Z");
    }

    static ApiException invalidCursor() {
        return ApiException.invalidField("cursor", "invalid", "The cursor is not one this service gave.");
    }

    static ApiException limitOutOfRange(int max) {
        return ApiException.invalidField("limit", "out_of_range", "limit must be 1 to " + max);
    }

    static ApiException tooLong(String field, int maxLength) {
        return ApiException.invalidField(field, "size", field + " must be at most " + maxLength + " characters");
    }

    static ApiException fromAfterTo() {
        return ApiException.invalidField("from", "after_to", "from must be before to");
    }
}

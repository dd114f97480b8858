package io.quipu.audit.application;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;

import io.quipu.audit.store.AuditEventFilter;
import io.quipu.audit.store.AuditEventRow;
import io.quipu.audit.store.AuditEventStore;
import io.quipu.audit.store.WriterTransactions;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Search of the audit log: by aggregate id, type and event time, newest first, keyset-paginated by sequence. */
public class AuditSearch {

    public static final int DEFAULT_PAGE_SIZE = 20;
    /** Aggregate ids and types are short identifiers; anything longer is not one. */
    public static final int MAX_FILTER_LENGTH = 200;
    private static final String CURSOR_PREFIX = "before:";

    private final AuditEventStore events;
    private final WriterTransactions transactions;
    private final JsonMapper jsonMapper;

    public AuditSearch(AuditEventStore events, WriterTransactions transactions, JsonMapper jsonMapper) {
        this.events = events;
        this.transactions = transactions;
        this.jsonMapper = jsonMapper;
    }

    /**
     * @param from inclusive, ISO-8601 with offset; {@code to} exclusive
     * @throws io.quipu.platform.web.ApiException 400 {@code validation_failed} on any malformed parameter
     */
    public AuditEventPage search(String aggregateId, String type, String from, String to, String cursor, int limit) {
        if (limit < 1 || limit > AuditEventStore.MAX_PAGE_SIZE) {
            throw AuditProblems.limitOutOfRange(AuditEventStore.MAX_PAGE_SIZE);
        }
        Instant fromTime = parseTime("from", from);
        Instant toTime = parseTime("to", to);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            throw AuditProblems.fromAfterTo();
        }
        AuditEventFilter filter = new AuditEventFilter(cleanFilter("aggregateId", aggregateId), cleanFilter("type", type),
                fromTime, toTime);
        Long beforeSequence = decodeCursor(cursor);
        List<AuditEventRow> rows = transactions.read(() -> events.page(filter, beforeSequence, limit + 1));
        String nextCursor = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            nextCursor = encodeCursor(rows.get(limit - 1).sequence());
        }
        return new AuditEventPage(rows.stream().map(this::view).toList(), nextCursor);
    }

    private AuditEventView view(AuditEventRow row) {
        JsonNode content = null;
        String contentBase64 = null;
        try {
            content = row.content().length == 0 ? null : jsonMapper.readTree(row.content());
        } catch (JacksonException notJson) {
            content = null;
        }
        if (content == null) {
            contentBase64 = Base64.getEncoder().encodeToString(row.content());
        }
        return new AuditEventView(row.sequence(), row.eventId(), row.type(), row.topic(), row.partition(), row.offset(),
                row.source(), row.subject(), row.aggregateKey(), row.occurredAt(), row.recordedAt(), row.contentSha256(),
                row.previousHash(), row.hash(), content, contentBase64);
    }

    private static String cleanFilter(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.strip();
        if (clean.length() > MAX_FILTER_LENGTH) {
            throw AuditProblems.tooLong(name, MAX_FILTER_LENGTH);
        }
        return clean;
    }

    private static Instant parseTime(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException malformed) {
            throw AuditProblems.invalidTime(name);
        }
    }

    static String encodeCursor(long beforeSequence) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((CURSOR_PREFIX + beforeSequence).getBytes(StandardCharsets.UTF_8));
    }

    static Long decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            if (!decoded.startsWith(CURSOR_PREFIX)) {
                throw AuditProblems.invalidCursor();
            }
            long beforeSequence = Long.parseLong(decoded.substring(CURSOR_PREFIX.length()));
            if (beforeSequence < 1) {
                throw AuditProblems.invalidCursor();
            }
            return beforeSequence;
        } catch (IllegalArgumentException malformed) { // also NumberFormatException
            throw AuditProblems.invalidCursor();
        }
    }
}

package io.quipu.fraud.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.springframework.transaction.support.TransactionTemplate;

import io.quipu.contracts.fraud.FraudCase;
import io.quipu.fraud.domain.CaseStatus;
import io.quipu.fraud.events.CaseEventPublisher;
import io.quipu.fraud.store.CaseStore;
import io.quipu.fraud.store.ReviewCase;
import io.quipu.platform.security.CurrentCaller;
import io.quipu.platform.web.ApiException;

/** The analysts' side: the queue of held payments, reading a case, approving or rejecting it once. */
public class CaseService {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_NOTE_LENGTH = 500;

    private final CaseStore cases;
    private final CaseEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public CaseService(CaseStore cases, CaseEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.cases = cases;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    public FraudCase get(UUID id) {
        return cases.find(id).map(Views::fraudCase).orElseThrow(FraudProblems::caseNotFound);
    }

    /** Cases in opening order (oldest first), of one status or all, keyset-paginated by an opaque cursor. */
    public FraudCasePage list(String status, String cursor, int limit) {
        if (limit < 1 || limit > CaseStore.MAX_PAGE_SIZE) {
            throw ApiException.invalidField("limit", "out_of_range", "limit must be 1 to " + CaseStore.MAX_PAGE_SIZE);
        }
        CaseStatus wanted = parseStatus(status);
        List<ReviewCase> page = cases.page(wanted, decodeCursor(cursor), limit + 1);
        String next = null;
        if (page.size() > limit) {
            page = page.subList(0, limit);
            next = encodeCursor(page.get(limit - 1).id());
        }
        return new FraudCasePage(page.stream().map(Views::fraudCase).toList(), next);
    }

    /**
     * Approves or rejects an open case as the calling analyst (the token's subject), with its event.
     *
     * @throws ApiException 404 {@code case_not_found}, 409 {@code case_already_resolved}
     */
    public FraudCase resolve(UUID id, CaseStatus resolution, String note) {
        String resolver = CurrentCaller.subject();
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > MAX_NOTE_LENGTH) {
            throw ApiException.invalidField("note", "size", "note must be at most " + MAX_NOTE_LENGTH + " characters");
        }
        return transactions.execute(status -> {
            ReviewCase current = cases.findForUpdate(id).orElseThrow(FraudProblems::caseNotFound);
            CaseStatus next;
            try {
                next = current.status().resolve(resolution);
            } catch (CaseStatus.CaseAlreadyResolved resolved) {
                throw FraudProblems.caseAlreadyResolved(resolved.status().code());
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
            if (!cases.resolve(id, next, resolver, cleanNote, now)) {
                throw FraudProblems.caseAlreadyResolved("resolved");
            }
            FraudCase resolved = Views.fraudCase(cases.find(id).orElseThrow());
            if (next == CaseStatus.APPROVED) {
                events.approved(resolved);
            } else {
                events.rejected(resolved);
            }
            return resolved;
        });
    }

    private static CaseStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return CaseStatus.ofCode(status);
        } catch (IllegalArgumentException unknown) {
            throw ApiException.invalidField("status", "invalid_value", "status must be open, approved or rejected");
        }
    }

    private static String encodeCursor(UUID after) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(after.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static UUID decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (RuntimeException malformed) {
            throw ApiException.invalidField("cursor", "invalid", "The cursor is not one this service gave.");
        }
    }
}

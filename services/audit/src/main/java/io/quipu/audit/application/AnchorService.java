package io.quipu.audit.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.quipu.audit.store.Anchor;
import io.quipu.audit.store.AnchorFile;
import io.quipu.audit.store.AnchorStore;
import io.quipu.audit.store.AuditEventStore;
import io.quipu.audit.store.ChainHead;
import io.quipu.audit.store.WriterTransactions;
import io.quipu.platform.id.Ids;

/** Anchors: the chain head recorded in {@code audit_anchors} and exported as a line of the anchor file. */
public class AnchorService {

    public static final int DEFAULT_PAGE_SIZE = 20;

    private final AuditEventStore events;
    private final AnchorStore anchors;
    private final AnchorFile anchorFile;
    private final WriterTransactions transactions;
    private final Clock clock;

    public AnchorService(AuditEventStore events, AnchorStore anchors, AnchorFile anchorFile, WriterTransactions transactions,
                         Clock clock) {
        this.events = events;
        this.anchors = anchors;
        this.anchorFile = anchorFile;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Records the current head. The file line is written (and forced to disk) inside the transaction: if it cannot be,
     * the row is rolled back; if the commit fails after it, the file holds one extra, still true, head.
     */
    public AnchorView anchor() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Anchor anchor = transactions.write(() -> {
            ChainHead head = events.head();
            // Rows up to the head are all committed (appends are serialised), so this count is stable.
            long count = events.countUpTo(head.sequence());
            Anchor created = new Anchor(Ids.newId(), LocalDate.ofInstant(now, ZoneOffset.UTC), head.sequence(), head.hash(),
                    count, now);
            anchors.insert(created);
            anchorFile.append(created);
            return created;
        });
        return view(anchor);
    }

    public List<AnchorView> newest(int limit) {
        if (limit < 1 || limit > AnchorStore.MAX_PAGE_SIZE) {
            throw AuditProblems.limitOutOfRange(AnchorStore.MAX_PAGE_SIZE);
        }
        return transactions.read(() -> anchors.newest(limit)).stream().map(AnchorService::view).toList();
    }

    private static AnchorView view(Anchor anchor) {
        return new AnchorView(anchor.id(), anchor.anchoredOn(), anchor.lastSequence(), anchor.lastHash(), anchor.eventCount(),
                anchor.createdAt());
    }
}

package io.quipu.audit.api;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.audit.application.AnchorService;
import io.quipu.audit.application.AnchorView;
import io.quipu.audit.application.AuditEventPage;
import io.quipu.audit.application.AuditSearch;
import io.quipu.audit.application.ChainVerifier;
import io.quipu.audit.application.VerificationReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Search, verification and anchors of the audit log (docs/audit.md). Who may call what: AuditConfiguration. */
@RestController
@Tag(name = "Audit", description = "The hash-chained log of every event of the platform (auditors, administrators).")
class AuditController {

    private final AuditSearch search;
    private final ChainVerifier verifier;
    private final AnchorService anchors;

    AuditController(AuditSearch search, ChainVerifier verifier, AnchorService anchors) {
        this.search = search;
        this.verifier = verifier;
        this.anchors = anchors;
    }

    @GetMapping("/audit/events")
    @Operation(summary = "Recorded events, newest first (auditor, admin): by aggregate id (record key or subject), type and "
            + "event time (from inclusive, to exclusive, ISO-8601 with offset); limit 1 to 100")
    AuditEventPage events(@RequestParam(required = false) String aggregateId, @RequestParam(required = false) String type,
                          @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                          @RequestParam(required = false) String cursor,
                          @RequestParam(defaultValue = "" + AuditSearch.DEFAULT_PAGE_SIZE) int limit) {
        return search.search(aggregateId, type, from, to, cursor, limit);
    }

    @GetMapping("/audit/verify")
    @Operation(summary = "Walk the whole chain and the anchors (auditor, admin); reports the first broken sequence")
    VerificationReport verify() {
        return verifier.verify();
    }

    @GetMapping("/audit/anchors")
    @Operation(summary = "The latest anchors, newest first (auditor, admin); limit 1 to 100")
    List<AnchorView> anchors(@RequestParam(defaultValue = "" + AnchorService.DEFAULT_PAGE_SIZE) int limit) {
        return anchors.newest(limit);
    }

    @PostMapping("/audit/anchors")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Anchor the chain head now, in the table and the anchor file (admin)")
    AnchorView anchor() {
        return anchors.anchor();
    }
}

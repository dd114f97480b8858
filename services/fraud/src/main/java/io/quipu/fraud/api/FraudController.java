package io.quipu.fraud.api;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.contracts.fraud.FraudCase;
import io.quipu.contracts.fraud.FraudCheckRequest;
import io.quipu.contracts.fraud.FraudDecision;
import io.quipu.fraud.application.CaseService;
import io.quipu.fraud.application.CheckService;
import io.quipu.fraud.application.FraudCasePage;
import io.quipu.fraud.domain.CaseStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** Risk decisions for the payments service and review cases for analysts (docs/fraud.md). Who may call what: FraudConfiguration. */
@RestController
@Tag(name = "Fraud", description = "Decisions on payments (the payments service) and review cases (analysts).")
class FraudController {

    private final CheckService checks;
    private final CaseService cases;

    FraudController(CheckService checks, CaseService cases) {
        this.checks = checks;
        this.cases = cases;
    }

    @PostMapping("/fraud/checks")
    @Operation(summary = "Decide on a payment before money moves (scope fraud:check); the same paymentId answers the same decision")
    FraudDecision check(@Valid @RequestBody FraudCheckRequest request) {
        return checks.check(request);
    }

    @GetMapping("/fraud/decisions/{paymentId}")
    @Operation(summary = "The decision given on a payment (fraud:read, or analyst, admin, auditor)")
    FraudDecision decision(@PathVariable UUID paymentId) {
        return checks.decision(paymentId);
    }

    @GetMapping("/fraud/cases")
    @Operation(summary = "The review queue, oldest first (analysts, administrators); status open, approved or rejected")
    FraudCasePage cases(@RequestParam(required = false) String status, @RequestParam(required = false) String cursor,
                        @RequestParam(defaultValue = "" + CaseService.DEFAULT_PAGE_SIZE) int limit) {
        return cases.list(status, cursor, limit);
    }

    @GetMapping("/fraud/cases/{id}")
    @Operation(summary = "A review case (fraud:read, or analyst, admin, auditor)")
    FraudCase fraudCase(@PathVariable UUID id) {
        return cases.get(id);
    }

    @PostMapping("/fraud/cases/{id}/approve")
    @Operation(summary = "Let the held payment go ahead (analysts, administrators); once")
    FraudCase approve(@PathVariable UUID id, @Valid @RequestBody(required = false) CaseResolutionRequest request) {
        return cases.resolve(id, CaseStatus.APPROVED, request == null ? null : request.note());
    }

    @PostMapping("/fraud/cases/{id}/reject")
    @Operation(summary = "Refuse the held payment (analysts, administrators); once")
    FraudCase reject(@PathVariable UUID id, @Valid @RequestBody(required = false) CaseResolutionRequest request) {
        return cases.resolve(id, CaseStatus.REJECTED, request == null ? null : request.note());
    }
}

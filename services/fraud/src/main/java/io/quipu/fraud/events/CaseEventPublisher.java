package io.quipu.fraud.events;

import org.springframework.stereotype.Component;

import io.quipu.contracts.events.Topics;
import io.quipu.contracts.fraud.FraudCase;
import io.quipu.platform.events.Outbox;

/**
 * Announces review cases on {@code audit-logs} (key = the case id) through the outbox, in the transaction of the change,
 * so the audit log has every case opened and every analyst's resolution. The payload is the case as the API shows it.
 */
@Component
public class CaseEventPublisher {

    /** A payment was held for review. Not in the contracts' constants yet (see docs/fraud.md). */
    public static final String CASE_OPENED = "io.quipu.fraud.case.opened";
    /** An analyst let the held payment go ahead. */
    public static final String CASE_APPROVED = "io.quipu.fraud.case.approved";
    /** An analyst refused the held payment. */
    public static final String CASE_REJECTED = "io.quipu.fraud.case.rejected";

    private final Outbox outbox;

    public CaseEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void opened(FraudCase fraudCase) {
        publish(CASE_OPENED, fraudCase);
    }

    public void approved(FraudCase fraudCase) {
        publish(CASE_APPROVED, fraudCase);
    }

    public void rejected(FraudCase fraudCase) {
        publish(CASE_REJECTED, fraudCase);
    }

    private void publish(String type, FraudCase fraudCase) {
        outbox.append(Topics.AUDIT_LOGS, fraudCase.id().toString(), type, fraudCase);
    }
}

package io.quipu.fraud.application;

import io.quipu.platform.web.ApiException;

/** The problems the fraud service answers with (RFC 9457 with a stable {@code code}). */
public final class FraudProblems {

    private FraudProblems() {
    }

    public static ApiException caseNotFound() {
        return ApiException.notFound("case_not_found", "No such fraud case.");
    }

    public static ApiException decisionNotFound() {
        return ApiException.notFound("decision_not_found", "No decision for this payment.");
    }

    public static ApiException caseAlreadyResolved(String status) {
        return ApiException.conflict("case_already_resolved", "The case was already " + status + "; a resolution is final.");
    }

    public static ApiException paymentIdReused() {
        return ApiException.unprocessable("payment_id_reused",
                "This paymentId was checked before with another customer, amount or payee.");
    }
}

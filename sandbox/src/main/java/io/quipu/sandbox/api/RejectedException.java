package io.quipu.sandbox.api;

import org.springframework.http.HttpStatus;

import io.quipu.platform.web.ApiException;

/**
 * A payment a simulated network refuses at once: 422 problem {@code rejected}, with the ISO 20022 reason code in the
 * extension member {@code reasonCode} (see {@link RejectionHandler}).
 */
class RejectedException extends ApiException {

    static final String CODE = "rejected";
    static final String REASON_CODE = "reasonCode";

    private final String reasonCode;

    RejectedException(String reasonCode, String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, CODE, detail);
        this.reasonCode = reasonCode;
    }

    String reasonCode() {
        return reasonCode;
    }
}

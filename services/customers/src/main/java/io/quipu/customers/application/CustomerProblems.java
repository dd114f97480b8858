package io.quipu.customers.application;

import java.util.List;

import org.springframework.http.HttpStatus;

import io.quipu.platform.web.ApiException;
import io.quipu.platform.web.FieldProblem;

/** The problems the customers service answers with (RFC 9457 with a stable {@code code}). */
public final class CustomerProblems {

    private CustomerProblems() {
    }

    public static ApiException invalid(List<FieldProblem> problems) {
        return new ApiException(HttpStatus.BAD_REQUEST, "validation_failed", "The request has invalid fields.", problems);
    }

    public static ApiException customerNotFound() {
        return ApiException.notFound("customer_not_found", "No such customer.");
    }

    public static ApiException onboardingNotFound() {
        return ApiException.notFound("onboarding_not_found", "No such onboarding case, or the resume token is not its own.");
    }

    public static ApiException providerUnavailable(String provider) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "provider_unavailable",
                "A provider the bank relies on (" + provider + ") is not answering; try again in a moment.");
    }

    public static ApiException wrongStep(String state, String nextStep) {
        return ApiException.conflict("wrong_step", "The case is in state " + state + "; its next step is " + nextStep + ".");
    }

    public static ApiException rejected(String reason) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "onboarding_rejected",
                "The onboarding cannot go on: " + reason + ".");
    }
}

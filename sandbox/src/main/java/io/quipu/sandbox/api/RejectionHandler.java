package io.quipu.sandbox.api;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.quipu.platform.web.Problems;

/** Answers a rejection as the platform's problem details plus {@code reasonCode}, before the platform's handler. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RejectionHandler {

    @ExceptionHandler(RejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RejectedException exception) {
        ProblemDetail problem = Problems.of(exception.status(), exception.code(), exception.getMessage());
        problem.setProperty(RejectedException.REASON_CODE, exception.reasonCode());
        return ResponseEntity.status(exception.status()).body(problem);
    }
}

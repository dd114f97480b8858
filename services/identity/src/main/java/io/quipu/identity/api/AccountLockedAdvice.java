package io.quipu.identity.api;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.quipu.identity.application.IdentityProblems;
import io.quipu.platform.web.Problems;

/** A locked account's problem carries {@code Retry-After}, so clients know when to offer the login again. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccountLockedAdvice {

    @ExceptionHandler(IdentityProblems.AccountLockedException.class)
    ResponseEntity<ProblemDetail> locked(IdentityProblems.AccountLockedException exception) {
        return ResponseEntity.status(exception.status())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, exception.retryAfterSeconds())))
                .body(Problems.of(exception.status(), exception.code(), exception.getMessage()));
    }
}

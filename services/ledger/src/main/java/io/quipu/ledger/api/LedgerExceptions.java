package io.quipu.ledger.api;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.quipu.ledger.store.TransferWriter;
import io.quipu.platform.web.Problems;

/** An overloaded ledger says so (503, retry with the same ids is safe) instead of queueing without end. */
@RestControllerAdvice
class LedgerExceptions {

    @ExceptionHandler(TransferWriter.LedgerBusyException.class)
    ResponseEntity<ProblemDetail> busy(TransferWriter.LedgerBusyException exception) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "ledger_busy",
                        "The ledger is busy; retry with the same transfer ids."));
    }
}

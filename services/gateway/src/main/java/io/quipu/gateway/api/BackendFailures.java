package io.quipu.gateway.api;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.function.ServerResponse;

import io.quipu.gateway.domain.BackendService;
import io.quipu.platform.web.Problems;
import io.quipu.platform.web.RequestBodyTooLargeException;

/** What the gateway answers when it cannot get a response from a service. */
final class BackendFailures {

    private static final Logger log = LoggerFactory.getLogger(BackendFailures.class);

    private BackendFailures() {
    }

    /**
     * True when the service could not be reached or did not answer in time: connection refused or reset, connect or
     * response timeout. A request body over the limit is the client's fault and stays a 413.
     */
    static boolean isUnreachable(Throwable failure) {
        boolean inputOutput = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyTooLargeException) {
                return false;
            }
            inputOutput |= cause instanceof ResourceAccessException || cause instanceof IOException;
        }
        return inputOutput;
    }

    static ServerResponse unavailable(BackendService service, Throwable failure) {
        // One line without the stack: the cause (refused, timed out) is what an operator needs.
        log.warn("{} service unavailable: {}", service.name(), reason(failure));
        return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
                        "The " + service.name() + " service is not available right now."));
    }

    /** The first I/O exception says it best (ConnectException, HttpTimeoutException); its causes are details. */
    private static String reason(Throwable failure) {
        Throwable reason = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                reason = cause;
                break;
            }
        }
        return reason.getClass().getSimpleName() + (reason.getMessage() == null ? "" : ": " + reason.getMessage());
    }

    static ServerResponse unknownService(String path) {
        return ServerResponse.status(HttpStatus.NOT_FOUND)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.NOT_FOUND, "unknown_service",
                        "No service is reached at " + (path.length() > 200 ? path.substring(0, 200) + "…" : path) + "."));
    }
}

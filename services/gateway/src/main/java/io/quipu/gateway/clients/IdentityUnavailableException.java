package io.quipu.gateway.clients;

import org.springframework.http.HttpStatus;

import io.quipu.platform.web.ApiException;

/** Identity could not be reached, did not answer in time or failed (5xx): 503, and the session stays as it was. */
public class IdentityUnavailableException extends ApiException {

    public IdentityUnavailableException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable", "The identity service is not available right now.");
    }
}

package io.quipu.gateway.api;

import org.springframework.http.HttpStatus;

import io.quipu.platform.web.ApiException;

/** The session's login is over (refresh refused, refresh token expired): the session is cleared, the user logs in again. */
class SessionExpiredException extends ApiException {

    SessionExpiredException() {
        super(HttpStatus.UNAUTHORIZED, "session_expired", "The session has ended; log in again.");
    }
}

package io.quipu.gateway.clients;

import org.springframework.http.HttpStatusCode;

/**
 * Identity answered a login step with a 4xx problem (wrong password, wrong code, locked, bad input). The web app gets
 * that answer as it is: status, problem body and {@code Retry-After}; none of them carries a token.
 *
 * @see IdentityAuthClient
 */
public class IdentityRefusedException extends RuntimeException {

    private final HttpStatusCode status;
    private final String contentType;
    private final byte[] body;
    private final String retryAfter;

    IdentityRefusedException(HttpStatusCode status, String contentType, byte[] body, String retryAfter) {
        super("identity answered " + status.value());
        this.status = status;
        this.contentType = contentType;
        this.body = body.clone();
        this.retryAfter = retryAfter;
    }

    public HttpStatusCode status() {
        return status;
    }

    /** Null when identity sent none. */
    public String contentType() {
        return contentType;
    }

    public byte[] body() {
        return body.clone();
    }

    /** Null when identity sent none. */
    public String retryAfter() {
        return retryAfter;
    }
}

package io.quipu.platform.web;

import java.io.IOException;

/** Thrown while reading a request body that grows past the configured limit (chunked bodies have no length). */
public class RequestBodyTooLargeException extends IOException {

    public RequestBodyTooLargeException(long limitBytes) {
        super("request body is larger than " + limitBytes + " bytes");
    }
}

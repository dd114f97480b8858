package io.quipu.platform.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body has been read into memory already (bounded by the body limit), for the next reader to read
 * again; or whose reading failed, so that the next reader meets the same failure and answers it as it would have.
 */
public final class ReadBodyRequest extends HttpServletRequestWrapper {

    private final byte[] body;
    private final IOException readFailure;

    public ReadBodyRequest(HttpServletRequest request, byte[] body) {
        this(request, body, null);
    }

    /** @param readFailure what reading the body met, thrown again to the next reader; null when it was read whole */
    public ReadBodyRequest(HttpServletRequest request, byte[] body, IOException readFailure) {
        super(request);
        this.body = body;
        this.readFailure = readFailure;
    }

    /**
     * Reads a request's whole body (the platform's body limit filter bounds it). With a Content-Length it goes into an
     * array of that size: {@code readAllBytes} starts with a buffer of several kilobytes, which for small JSON bodies
     * was most of what reading them allocated (docs/performance.md, "the ninth round").
     */
    public static byte[] readBody(HttpServletRequest request) throws IOException {
        int length = request.getContentLength();
        InputStream input = request.getInputStream();
        return length >= 0 ? input.readNBytes(length) : input.readAllBytes();
    }

    @Override
    public ServletInputStream getInputStream() {
        ByteArrayInputStream input = new ByteArrayInputStream(body);
        return new ServletInputStream() {
            @Override
            public int read() throws IOException {
                if (readFailure != null) {
                    throw readFailure;
                }
                return input.read();
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (readFailure != null) {
                    throw readFailure;
                }
                return input.read(buffer, offset, length);
            }

            @Override
            public boolean isFinished() {
                return readFailure == null && input.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException("blocking reads only");
            }
        };
    }

    @Override
    public BufferedReader getReader() {
        return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
        return body.length;
    }

    @Override
    public long getContentLengthLong() {
        return body.length;
    }
}

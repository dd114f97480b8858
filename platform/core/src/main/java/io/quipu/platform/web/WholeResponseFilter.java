package io.quipu.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets the server send a small response whole: with a Content-Length, in one write. Spring MVC flushes after writing a
 * body, which makes Tomcat commit the response then and there, chunked, and send its last chunk in a second write when
 * the request ends: two system calls and two packets per response, and the client wakes for each. This filter ignores
 * the application's flushes; the server still flushes when its buffer is full and when the request ends.
 *
 * <p>Only for services whose responses are all complete documents: never for streams (server-sent events, downloads
 * written as they are produced), which need their flushes. Off unless {@code quipu.web.whole-responses=true}.
 */
public class WholeResponseFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new WholeResponse(response));
    }

    private static final class WholeResponse extends HttpServletResponseWrapper {
        private ServletOutputStream stream;

        WholeResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void flushBuffer() {
            // The server flushes at the end of the request.
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                stream = new UnflushedOutputStream(super.getOutputStream());
            }
            return stream;
        }
    }

    private static final class UnflushedOutputStream extends ServletOutputStream {
        private final ServletOutputStream delegate;

        UnflushedOutputStream(ServletOutputStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public void write(int value) throws IOException {
            delegate.write(value);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            delegate.write(bytes, offset, length);
        }

        @Override
        public void flush() {
            // The server flushes when its buffer is full and at the end of the request.
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            delegate.setWriteListener(listener);
        }
    }
}

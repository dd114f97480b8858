package io.quipu.platform.idempotency;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import io.quipu.platform.web.Problems;
import io.quipu.platform.web.ReadBodyRequest;

/**
 * {@code Idempotency-Key} on POST: the first request with a key runs; a repeat with the same body gets the stored first
 * response; a repeat with a different body gets 422; a repeat while the first still runs waits for its result.
 * Keys are scoped to the caller, so two customers can never see each other's responses.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");
    private static final long WAIT_STEP_MILLIS = 25;

    private final IdempotencyStore store;
    private final Duration retention;
    private final Duration waitForFirst;
    private final Duration staleAfter;

    public IdempotencyFilter(IdempotencyStore store, Duration retention, Duration waitForFirst, Duration staleAfter) {
        this.store = store;
        this.retention = retention;
        this.waitForFirst = waitForFirst;
        this.staleAfter = staleAfter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            Problems.write(response, HttpStatus.BAD_REQUEST, "invalid_idempotency_key",
                    "Idempotency-Key must be 1 to 128 characters of letters, digits, '.', '_', ':' or '-'.");
            return;
        }
        byte[] body = ReadBodyRequest.readBody(request);
        String scope = scope(request);
        String requestHash = hash(request, body);

        long deadline = System.nanoTime() + waitForFirst.toNanos();
        while (true) {
            if (store.claim(scope, key, requestHash, retention)) {
                executeFirst(new ReadBodyRequest(request, body), response, chain, scope, key);
                return;
            }
            Optional<IdempotencyStore.StoredRequest> stored = store.find(scope, key, staleAfter);
            if (stored.isEmpty()) {
                continue; // released between our claim and our look-up: claim again
            }
            IdempotencyStore.StoredRequest first = stored.get();
            if (!first.requestHash().equals(requestHash)) {
                Problems.write(response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency_key_reused",
                        "This Idempotency-Key was used for a different request.");
                return;
            }
            if (first.completed()) {
                replay(first, response);
                return;
            }
            if (first.stale()) {
                // The first attempt's process died before finishing; its transaction rolled back with it.
                store.release(scope, key);
                continue;
            }
            if (System.nanoTime() > deadline) {
                response.setHeader(HttpHeaders.RETRY_AFTER, "1");
                Problems.write(response, HttpStatus.CONFLICT, "idempotency_request_in_progress",
                        "A request with this Idempotency-Key is still being processed; retry shortly.");
                return;
            }
            sleep();
        }
    }

    private void executeFirst(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
                              String scope, String key) throws IOException, ServletException {
        ContentCachingResponseWrapper caching = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(request, caching);
            int status = caching.getStatus();
            // A server error says nothing about the request: let the client retry it with the same key.
            if (status < 500) {
                store.complete(scope, key, status, caching.getContentType(), caching.getHeader(HttpHeaders.LOCATION),
                        caching.getContentAsByteArray());
                completed = true;
            }
        } finally {
            if (!completed) {
                store.release(scope, key);
            }
            caching.copyBodyToResponse();
        }
    }

    private static void replay(IdempotencyStore.StoredRequest first, HttpServletResponse response) throws IOException {
        response.setStatus(first.responseStatus());
        if (first.contentType() != null) {
            response.setContentType(first.contentType());
        }
        if (first.location() != null) {
            response.setHeader(HttpHeaders.LOCATION, first.location());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        byte[] body = first.responseBody() == null ? new byte[0] : first.responseBody();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }

    private static String scope(HttpServletRequest request) {
        return request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(request.getMethod().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            if (request.getQueryString() != null) {
                digest.update(request.getQueryString().getBytes(StandardCharsets.UTF_8));
            }
            digest.update((byte) 0);
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(WAIT_STEP_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the first request with this key", e);
        }
    }
}

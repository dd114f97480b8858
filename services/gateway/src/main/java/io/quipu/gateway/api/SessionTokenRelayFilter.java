package io.quipu.gateway.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import io.quipu.gateway.domain.SessionTokens;
import io.quipu.platform.web.ApiException;
import io.quipu.platform.web.Problems;

/**
 * Token relay for the web app: a request to {@code /api/**} that comes with a logged-in session cookie and no token of
 * its own goes on with {@code Authorization: Bearer <the session's access token>}, refreshed first when it is about to
 * expire. From there it is an ordinary bearer request: validated at the edge, proxied, validated again by the service.
 * The browser's cookies are not passed on: services authenticate by token only.
 */
public class SessionTokenRelayFilter extends OncePerRequestFilter {

    private final BffSessions sessions;

    public SessionTokenRelayFilter(BffSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !EdgePaths.isApi(request) || EdgePaths.hasBearerToken(request) || !request.isRequestedSessionIdValid();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<SessionTokens> tokens;
        try {
            tokens = sessions.fresh(request);
        } catch (ApiException e) {
            Problems.write(response, e.status(), e.code(), e.getMessage());
            return;
        }
        if (tokens.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new BearerRequest(request, tokens.get().accessToken()), response);
    }

    /** The browser's request with the session's token instead of its cookies and its CSRF header. */
    private static final class BearerRequest extends HttpServletRequestWrapper {

        private final String authorization;

        BearerRequest(HttpServletRequest request, String accessToken) {
            super(request);
            this.authorization = "Bearer " + accessToken;
        }

        @Override
        public String getHeader(String name) {
            if (HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)) {
                return authorization;
            }
            return hidden(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            if (HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)) {
                return Collections.enumeration(List.of(authorization));
            }
            return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = new ArrayList<>();
            for (Enumeration<String> original = super.getHeaderNames(); original.hasMoreElements(); ) {
                String name = original.nextElement();
                if (!hidden(name) && !HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)) {
                    names.add(name);
                }
            }
            names.add(HttpHeaders.AUTHORIZATION);
            return Collections.enumeration(names);
        }

        private static boolean hidden(String name) {
            return HttpHeaders.COOKIE.equalsIgnoreCase(name) || "X-XSRF-TOKEN".equalsIgnoreCase(name);
        }
    }
}

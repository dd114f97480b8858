package io.quipu.gateway.api;

import java.io.IOException;
import java.util.OptionalLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import io.quipu.platform.security.CurrentCaller;
import io.quipu.platform.web.Problems;

/**
 * The two places rate limits are checked. Per address first, before any token is looked at, so a flood of bad tokens
 * is limited too; per client after the token was validated, so nobody can spend someone else's budget by writing their
 * name in a forged token. Health probes are never limited.
 */
public final class RateLimitFilters {

    private RateLimitFilters() {
    }

    /** Per caller address: the stricter limit on the login paths, the general one elsewhere. */
    public static OncePerRequestFilter perAddress(RateLimiter authenticationPerIp, RateLimiter perIp) {
        RequestMatcher authenticationPaths = EdgePaths.anyOf(EdgePaths.AUTHENTICATION_PATHS);
        return new LimitFilter() {
            @Override
            protected OptionalLong check(HttpServletRequest request) {
                // The address the connection came from. Behind a load balancer, server.forward-headers-strategy
                // makes it the client's (docs/gateway.md); a client's own X-Forwarded-For is not trusted.
                String address = request.getRemoteAddr();
                return authenticationPaths.matches(request)
                        ? authenticationPerIp.tryAcquire(address)
                        : perIp.tryAcquire(address);
            }
        };
    }

    /** Per authenticated client: a validated token's {@code client_id} or subject, or the web app session's subject. */
    public static OncePerRequestFilter perClient(RateLimiter perClient, BffSessions sessions) {
        return new LimitFilter() {
            @Override
            protected OptionalLong check(HttpServletRequest request) {
                String client = client(request, sessions);
                return client == null ? OptionalLong.empty() : perClient.tryAcquire(client);
            }
        };
    }

    private static String client(HttpServletRequest request, BffSessions sessions) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            String clientId = jwt.getToken().getClaimAsString(CurrentCaller.CLIENT_ID_CLAIM);
            return clientId != null ? "client:" + clientId : "subject:" + jwt.getToken().getSubject();
        }
        return sessions.current(request).map(tokens -> "subject:" + tokens.subject()).orElse(null);
    }

    private abstract static class LimitFilter extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            String path = request.getRequestURI();
            return path.startsWith("/actuator/health");
        }

        /** Empty when the request may go on, else the seconds to wait. */
        protected abstract OptionalLong check(HttpServletRequest request);

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            OptionalLong retryAfterSeconds = check(request);
            if (retryAfterSeconds.isPresent()) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds.getAsLong()));
                Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                        "Too many requests; try again in " + retryAfterSeconds.getAsLong() + " seconds.");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}

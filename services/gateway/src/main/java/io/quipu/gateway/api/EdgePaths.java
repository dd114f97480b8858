package io.quipu.gateway.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import io.quipu.gateway.domain.BackendService;
import io.quipu.gateway.domain.BackendServices;

/** The gateway's path rules in one place: which requests are open, which are logins, which service a path goes to. */
public final class EdgePaths {

    /**
     * Paths under /api that need no token: the login itself, the authorization server's endpoints, onboarding (the
     * applicant has no login yet; the case's resume token guards it), API documents.
     */
    public static final List<String> PUBLIC_API_PATHS = List.of("/api/identity/auth/**", "/api/identity/oauth2/**",
            "/api/identity/.well-known/**", "/api/customers/onboarding", "/api/customers/onboarding/**", "/api/*/v3/api-docs",
            "/api/*/v3/api-docs/**");
    /** The sandbox's simulators; open only in the local run (they show every one-time password they "sent"). */
    public static final String SANDBOX_PATHS = "/api/sandbox/**";
    /**
     * Where passwords and codes are guessed, and where onboarding starts (each start queries the identity registry):
     * the stricter per-address rate limit applies.
     */
    /**
     * Where credentials can be guessed without a session: passwords, one-time codes, passkey assertions, refresh tokens.
     * A logged-in customer's step-ups and passkey management are not here: identity bounds their tries, and the
     * per-client limit counts them.
     */
    public static final List<String> AUTHENTICATION_PATHS = List.of("/bff/login", "/bff/verify-otp", "/bff/passkey", "/bff/passkey/**",
            "/api/identity/auth/login", "/api/identity/auth/verify-otp", "/api/identity/auth/refresh",
            "/api/identity/auth/password", "/api/identity/auth/password-reset", "/api/identity/auth/password-reset/**",
            "/api/identity/auth/passkeys/assertion", "/api/identity/auth/passkeys/assertion/**", "/api/customers/onboarding");

    private static final String BEARER_PREFIX = "bearer ";

    private EdgePaths() {
    }

    public static RequestMatcher anyOf(List<String> patterns) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(patterns.stream().map(pattern -> (RequestMatcher) paths.matcher(pattern)).toList());
    }

    public static RequestMatcher publicApi(boolean sandboxOpen) {
        List<String> patterns = new ArrayList<>(PUBLIC_API_PATHS);
        if (sandboxOpen) {
            patterns.add(SANDBOX_PATHS);
        }
        return anyOf(patterns);
    }

    /** True when the request brings its own {@code Authorization: Bearer} token (mobile apps, partners). */
    public static boolean hasBearerToken(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.length() > BEARER_PREFIX.length()
                && authorization.substring(0, BEARER_PREFIX.length()).toLowerCase(Locale.ROOT).equals(BEARER_PREFIX);
    }

    public static boolean isApi(HttpServletRequest request) {
        String path = pathWithinApplication(request);
        return path.equals("/api") || path.startsWith("/api/");
    }

    /** The service a {@code /api/<service>/...} path goes to, or null for the gateway's own paths and unknown services. */
    public static String targetService(HttpServletRequest request) {
        String path = pathWithinApplication(request);
        if (!path.startsWith("/api/")) {
            return null;
        }
        int end = path.indexOf('/', "/api/".length());
        String name = end < 0 ? path.substring("/api/".length()) : path.substring("/api/".length(), end);
        for (BackendService service : BackendServices.ALL) {
            if (service.name().equals(name)) {
                return name;
            }
        }
        return null;
    }

    private static String pathWithinApplication(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath();
        return contextPath != null && !contextPath.isEmpty() && uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : uri;
    }
}

package io.quipu.gateway.api;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Security creates the CSRF token only when something reads it, and a single-page app renders no form that
 * would. Reading it here makes the {@code XSRF-TOKEN} cookie appear on the first response (typically
 * {@code GET /bff/session}), so the web app has a value for {@code X-XSRF-TOKEN} before its first POST.
 */
public class CsrfCookieFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // Bearer clients (mobile apps, partners) are not protected by CSRF and do not need the cookie.
        return EdgePaths.hasBearerToken(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            token.getToken();
        }
        chain.doFilter(request, response);
    }
}

package io.quipu.gateway.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import io.quipu.contracts.identity.RefreshRequest;
import io.quipu.contracts.identity.TokenResponse;
import io.quipu.gateway.clients.IdentityAuthClient;
import io.quipu.gateway.clients.IdentityRefusedException;
import io.quipu.gateway.clients.IdentityUnavailableException;
import io.quipu.gateway.domain.SessionTokens;
import io.quipu.platform.security.CurrentCaller;
import io.quipu.platform.web.ApiException;

/**
 * The web app's login state in the servlet session: the pending login id between password and code, then the tokens.
 * Refreshes a token that is about to expire, once per session even when the browser sends several requests at once:
 * a refresh token is single use, and identity revokes the whole login when a spent one comes back.
 */
public class BffSessions {

    static final String PENDING_LOGIN_ATTRIBUTE = "quipu.bff.pendingLoginId";
    static final String TOKENS_ATTRIBUTE = "quipu.bff.tokens";

    private static final Logger log = LoggerFactory.getLogger(BffSessions.class);
    /**
     * Refreshes of one session are serialised by one of these locks, chosen by the session id: a fixed number of locks
     * whatever the number of sessions. Locks rather than {@code synchronized}, which would pin virtual threads while
     * identity answers.
     */
    private static final int REFRESH_LOCK_STRIPES = 64;

    private final IdentityAuthClient identity;
    private final JwtDecoder gatewayTokenDecoder;
    private final Duration refreshBeforeExpiry;
    private final Clock clock;
    private final ReentrantLock[] refreshLocks = new ReentrantLock[REFRESH_LOCK_STRIPES];

    /**
     * @param gatewayTokenDecoder validates what identity hands out (signature, issuer, expiry, audience {@code gateway})
     *                            before the session keeps it, and reads the claims the web app is shown
     */
    public BffSessions(IdentityAuthClient identity, JwtDecoder gatewayTokenDecoder, Duration refreshBeforeExpiry, Clock clock) {
        this.identity = identity;
        this.gatewayTokenDecoder = gatewayTokenDecoder;
        this.refreshBeforeExpiry = refreshBeforeExpiry;
        this.clock = clock;
        for (int stripe = 0; stripe < REFRESH_LOCK_STRIPES; stripe++) {
            refreshLocks[stripe] = new ReentrantLock();
        }
    }

    /** The tokens of the request's session, as they are (maybe near expiry); empty without a logged-in session. */
    public Optional<SessionTokens> current(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((SessionTokens) session.getAttribute(TOKENS_ATTRIBUTE));
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }

    /**
     * Tokens good for at least {@code refresh-before-expiry}, refreshed through identity when needed (the new refresh
     * token replaces the spent one).
     *
     * @throws SessionExpiredException      identity refused the refresh or the login is over; the session is cleared
     * @throws IdentityUnavailableException identity could not answer; the session is kept for a later try
     */
    public Optional<SessionTokens> fresh(HttpServletRequest request) {
        Optional<SessionTokens> current = current(request);
        if (current.isEmpty() || !current.get().accessTokenNeedsRefresh(clock.instant(), refreshBeforeExpiry)) {
            return current;
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            // Ended by another request of the same session (a logout) since the line above.
            throw new SessionExpiredException();
        }
        ReentrantLock lock = refreshLocks[Math.floorMod(session.getId().hashCode(), REFRESH_LOCK_STRIPES)];
        lock.lock();
        try {
            // Another request of the same session may have refreshed while this one waited.
            SessionTokens tokens = current(request).orElseThrow(SessionExpiredException::new);
            Instant now = clock.instant();
            if (!tokens.accessTokenNeedsRefresh(now, refreshBeforeExpiry)) {
                return Optional.of(tokens);
            }
            if (tokens.refreshTokenExpired(now)) {
                end(request);
                throw new SessionExpiredException();
            }
            TokenResponse renewed;
            try {
                renewed = identity.refresh(new RefreshRequest(tokens.refreshToken()), request.getRemoteAddr());
            } catch (IdentityRefusedException refused) {
                log.info("refresh refused by identity ({}) for subject {}; session cleared", refused.status().value(), tokens.subject());
                end(request);
                throw new SessionExpiredException();
            }
            try {
                return Optional.of(store(session, renewed));
            } catch (IllegalStateException invalidated) {
                // A logout ended the session while identity was refreshing: the logout wins.
                throw new SessionExpiredException();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Before the password goes to identity: a session to keep the login in. Made first, so that when the gateway is
     * full the customer is not sent an SMS for a login that could not go on.
     *
     * @return true when the session is new (and should be ended again if identity refuses the password)
     */
    public boolean open(HttpServletRequest request) {
        if (request.getSession(false) != null) {
            return false;
        }
        try {
            request.getSession(true);
            return true;
        } catch (IllegalStateException tooManySessions) {
            // The container's limit (quipu.gateway.session.max-active-sessions) is reached.
            log.warn("no session for a new login: {}", tooManySessions.getMessage());
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "too_many_sessions",
                    "The gateway cannot start more sessions right now; try again in a few minutes.");
        }
    }

    /** After the password: remembers identity's login id until the code comes. */
    public void startLogin(HttpServletRequest request, UUID loginId) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            throw new SessionExpiredException();
        }
        session.setAttribute(PENDING_LOGIN_ATTRIBUTE, loginId);
    }

    public Optional<UUID> pendingLogin(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? Optional.empty() : Optional.ofNullable((UUID) session.getAttribute(PENDING_LOGIN_ATTRIBUTE));
    }

    /**
     * After the code: keeps the tokens and gives the session a new id, so that a session id planted before the login
     * (session fixation) is worth nothing after it.
     */
    public SessionTokens completeLogin(HttpServletRequest request, TokenResponse tokens) {
        HttpSession session = request.getSession(true);
        SessionTokens stored = store(session, tokens);
        session.removeAttribute(PENDING_LOGIN_ATTRIBUTE);
        request.changeSessionId();
        return stored;
    }

    /** Forgets everything: the servlet session is invalidated and its cookie is worth nothing. */
    public void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                // Another request of the same session ended it first.
            }
        }
    }

    private SessionTokens store(HttpSession session, TokenResponse tokens) {
        if (tokens.accessToken() == null || tokens.refreshToken() == null) {
            log.warn("identity answered without an access token or a refresh token");
            throw new IdentityUnavailableException();
        }
        Jwt accessToken;
        try {
            accessToken = gatewayTokenDecoder.decode(tokens.accessToken());
        } catch (JwtException e) {
            // Identity's own token fails the gateway's checks: a configuration error (issuer, keys), not the user's.
            log.warn("identity's access token was not accepted by the gateway: {}", e.getMessage());
            throw new IdentityUnavailableException();
        }
        Instant now = clock.instant();
        List<String> roles = accessToken.getClaimAsStringList(CurrentCaller.ROLES_CLAIM);
        SessionTokens stored = new SessionTokens(tokens.accessToken(), tokens.refreshToken(), accessToken.getSubject(),
                accessToken.getClaimAsString(CurrentCaller.CUSTOMER_ID_CLAIM), roles,
                accessToken.getExpiresAt() == null ? now.plusSeconds(tokens.expiresInSeconds()) : accessToken.getExpiresAt(),
                now.plusSeconds(Math.max(0, tokens.refreshExpiresInSeconds())));
        session.setAttribute(TOKENS_ATTRIBUTE, stored);
        return stored;
    }
}

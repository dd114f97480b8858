package io.quipu.gateway.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.contracts.identity.LoginChallenge;
import tools.jackson.databind.JsonNode;
import io.quipu.contracts.identity.LoginRequest;
import io.quipu.contracts.identity.RefreshRequest;
import io.quipu.contracts.identity.TokenResponse;
import io.quipu.contracts.identity.VerifyOtpRequest;
import io.quipu.gateway.clients.IdentityAuthClient;
import io.quipu.gateway.clients.IdentityRefusedException;
import io.quipu.gateway.clients.IdentityUnavailableException;
import io.quipu.gateway.domain.SessionTokens;
import io.quipu.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Backend-for-frontend of the web app: the login through identity, with the tokens kept in the gateway's session and
 * only an HttpOnly session cookie in the browser. State-changing calls need the {@code X-XSRF-TOKEN} header (the value
 * of the {@code XSRF-TOKEN} cookie).
 */
@RestController
@RequestMapping("/bff")
@Tag(name = "web app session", description = "Login for the web app; the browser gets a session cookie, never a token.")
public class BffController {

    private static final Logger log = LoggerFactory.getLogger(BffController.class);

    private final IdentityAuthClient identity;
    private final BffSessions sessions;

    public BffController(IdentityAuthClient identity, BffSessions sessions) {
        this.identity = identity;
        this.sessions = sessions;
    }

    /** What the web app learns after the password: which second factor to ask for. The login id stays in the session. */
    public record LoginStarted(boolean requireMfa, List<String> factors) {
    }

    /** The six-digit code the customer received by SMS. */
    public record OtpRequest(@NotBlank @Pattern(regexp = "\\d{6}", message = "must be six digits") String otp) {
    }

    /**
     * Who is logged in, without any token.
     *
     * @param subject              a customer id or a staff username
     * @param customerId           null for staff
     * @param roles                staff roles, empty for customers
     * @param accessTokenExpiresAt when the current access token ends; the gateway refreshes it by itself
     * @param loginExpiresAt       when the login ends and the user must log in again
     */
    public record SessionView(String subject, String customerId, List<String> roles, Instant accessTokenExpiresAt,
                              Instant loginExpiresAt) {

        static SessionView of(SessionTokens tokens) {
            return new SessionView(tokens.subject(), tokens.customerId(), tokens.roles(), tokens.accessTokenExpiresAt(),
                    tokens.refreshTokenExpiresAt());
        }
    }

    @PostMapping("/login")
    @Operation(summary = "Checks the username and password with identity; the second factor follows with /bff/verify-otp")
    public LoginStarted login(@Valid @RequestBody LoginRequest login, HttpServletRequest request) {
        boolean newSession = sessions.open(request);
        LoginChallenge challenge;
        try {
            challenge = identity.login(login, request.getRemoteAddr());
            if (challenge.loginId() == null) {
                log.warn("identity answered a login without a login id");
                throw new IdentityUnavailableException();
            }
        } catch (RuntimeException refusedOrFailed) {
            // Wrong passwords do not leave sessions behind (memory, and the session limit, are for real logins).
            if (newSession) {
                sessions.end(request);
            }
            throw refusedOrFailed;
        }
        sessions.startLogin(request, challenge.loginId());
        return new LoginStarted(challenge.requireMfa(), challenge.factors() == null ? List.of() : challenge.factors());
    }

    @PostMapping("/verify-otp")
    @Operation(summary = "Completes the login with the code sent by SMS; the session cookie is then logged in")
    public SessionView verifyOtp(@Valid @RequestBody OtpRequest otp, HttpServletRequest request) {
        TokenResponse tokens = identity.verifyOtp(new VerifyOtpRequest(pendingLoginId(request), otp.otp()), request.getRemoteAddr());
        return logIn(tokens, request);
    }

    private UUID pendingLoginId(HttpServletRequest request) {
        return sessions.pendingLogin(request).orElseThrow(() -> ApiException.conflict("no_pending_login",
                "There is no login waiting for its second factor in this session; start with /bff/login."));
    }

    private SessionView logIn(TokenResponse tokens, HttpServletRequest request) {
        Optional<SessionTokens> previousLogin = sessions.current(request);
        SessionView view = SessionView.of(sessions.completeLogin(request, tokens));
        // A new login in a session that had one: the old refresh token is dropped, so it is revoked too.
        previousLogin.ifPresent(previous -> revoke(previous, request));
        return view;
    }

    /** The browser's WebAuthn assertion, passed to identity as it came (identity checks it). */
    public record PasskeyAssertion(@NotNull JsonNode credential) {
    }

    @PostMapping("/passkey/options")
    @Operation(summary = "WebAuthn options for the pending login's passkey step (instead of the SMS code)")
    public JsonNode passkeyOptions(HttpServletRequest request) {
        return identity.passkeyOptions(pendingLoginId(request), request.getRemoteAddr());
    }

    @PostMapping("/passkey")
    @Operation(summary = "Completes the login with a passkey (Face ID, Touch ID, Android biometrics); the cookie is then logged in")
    public SessionView passkey(@Valid @RequestBody PasskeyAssertion assertion, HttpServletRequest request) {
        if (!assertion.credential().isObject()) {
            throw ApiException.invalidField("credential", "invalid_value", "must be the object navigator.credentials.get returned");
        }
        TokenResponse tokens = identity.passkeyAssertion(pendingLoginId(request), assertion.credential(), request.getRemoteAddr());
        return logIn(tokens, request);
    }

    @GetMapping("/session")
    @Operation(summary = "Who is logged in with this session cookie (401 not_logged_in when nobody)")
    public SessionView session(HttpServletRequest request) {
        return sessions.current(request).map(SessionView::of).orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED,
                "not_logged_in", "This session is not logged in."));
    }

    @PostMapping("/logout")
    @Operation(summary = "Revokes the login at identity and ends the session")
    public ResponseEntity<Void> logout(HttpServletRequest request) {
        Optional<SessionTokens> tokens = sessions.current(request);
        // The session ends whatever identity answers: the user asked to leave, and the cookie must stop working now.
        sessions.end(request);
        tokens.ifPresent(current -> revoke(current, request));
        return ResponseEntity.noContent().build();
    }

    private void revoke(SessionTokens tokens, HttpServletRequest request) {
        try {
            identity.logout(new RefreshRequest(tokens.refreshToken()), request.getRemoteAddr());
        } catch (IdentityUnavailableException | IdentityRefusedException e) {
            // The refresh token then lives on at identity until it expires, but nobody holds it any more.
            log.warn("logout of subject {} not confirmed by identity: {}", tokens.subject(), e.getMessage());
        }
    }

    /** Identity's refusal (wrong password, wrong code, locked, too many logins) reaches the web app as identity gave it. */
    @ExceptionHandler(IdentityRefusedException.class)
    ResponseEntity<byte[]> identityRefused(IdentityRefusedException refused) {
        MediaType contentType;
        try {
            contentType = refused.contentType() == null ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.parseMediaType(refused.contentType());
        } catch (InvalidMediaTypeException e) {
            contentType = MediaType.APPLICATION_PROBLEM_JSON;
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(refused.status()).contentType(contentType);
        if (refused.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, refused.retryAfter());
        }
        return response.body(refused.body());
    }
}

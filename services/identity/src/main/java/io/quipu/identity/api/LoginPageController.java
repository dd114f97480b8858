package io.quipu.identity.api;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.identity.application.AuthorizationServerTokens;
import io.quipu.identity.application.LoginService;
import io.quipu.identity.store.UserRecord;
import io.quipu.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The authorization server's login page (authorization code + PKCE): the same login as {@code /auth/login} and
 * {@code /auth/verify-otp} — password, then the code sent by SMS, the same lockout and events — rendered as two small
 * forms. On success the browser session holds the login and goes back to {@code /oauth2/authorize}, which issues the
 * code. Tokens never pass through these pages.
 */
@Hidden
@RestController
class LoginPageController {

    static final String LOGIN_ID_ATTRIBUTE = LoginPageController.class.getName() + ".loginId";

    private final LoginService logins;
    private final RequestCache requestCache = new HttpSessionRequestCache();
    private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

    private final Clock clock;

    LoginPageController(LoginService logins, Clock clock) {
        this.logins = logins;
        this.clock = clock;
    }

    @GetMapping("/login")
    ResponseEntity<String> passwordPage(CsrfToken csrf) {
        return page(HttpStatus.OK, LoginPages.password(csrf, null));
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> password(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                                    CsrfToken csrf, HttpServletRequest request) {
        try {
            UUID loginId = logins.start(username, password, request.getRemoteAddr()).loginId();
            request.getSession().setAttribute(LOGIN_ID_ATTRIBUTE, loginId);
            return seeOther("/login/otp");
        } catch (ApiException refused) {
            return page(refused.status(), LoginPages.password(csrf, LoginPages.message(refused)));
        }
    }

    @GetMapping("/login/otp")
    ResponseEntity<String> codePage(CsrfToken csrf, HttpServletRequest request) {
        if (pendingLogin(request) == null) {
            return seeOther("/login");
        }
        return page(HttpStatus.OK, LoginPages.code(csrf, null));
    }

    @PostMapping(path = "/login/otp", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<String> code(@RequestParam(defaultValue = "") String otp, CsrfToken csrf, HttpServletRequest request,
                                HttpServletResponse response) {
        UUID loginId = pendingLogin(request);
        if (loginId == null) {
            return seeOther("/login");
        }
        UserRecord user;
        try {
            user = logins.verifyOtpForSession(loginId, otp, request.getRemoteAddr());
        } catch (ApiException refused) { // a lock is one too: AccountLockedException
            if ("invalid_otp".equals(refused.code())) {
                return page(refused.status(), LoginPages.code(csrf, LoginPages.message(refused)));
            }
            request.getSession().removeAttribute(LOGIN_ID_ATTRIBUTE);
            return page(refused.status(), LoginPages.password(csrf, LoginPages.message(refused)));
        }
        request.getSession().removeAttribute(LOGIN_ID_ATTRIBUTE);
        request.changeSessionId(); // a session id seen before the login is worth nothing after it (session fixation)
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(AuthorizationServerTokens.loggedIn(user, clock.instant()));
        contextRepository.saveContext(context, request, response);
        SavedRequest authorizationRequest = requestCache.getRequest(request, response);
        return seeOther(authorizationRequest == null ? "/login/done" : authorizationRequest.getRedirectUrl());
    }

    @GetMapping("/login/done")
    ResponseEntity<String> done() {
        return page(HttpStatus.OK, LoginPages.done());
    }

    private static UUID pendingLogin(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (UUID) session.getAttribute(LOGIN_ID_ATTRIBUTE);
    }

    private static ResponseEntity<String> page(HttpStatus status, String html) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(html);
    }

    private static ResponseEntity<String> seeOther(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, location).build();
    }
}

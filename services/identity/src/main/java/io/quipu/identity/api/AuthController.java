package io.quipu.identity.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.contracts.identity.LoginChallenge;
import io.quipu.contracts.identity.LoginRequest;
import io.quipu.contracts.identity.RefreshRequest;
import io.quipu.contracts.identity.TokenResponse;
import io.quipu.contracts.identity.VerifyOtpRequest;
import io.quipu.identity.application.LoginService;
import io.quipu.identity.application.TokenService;

/** The login of customers and staff: password, one-time password by SMS, tokens; refresh and logout. */
@RestController
class AuthController {

    private final LoginService logins;
    private final TokenService tokens;

    AuthController(LoginService logins, TokenService tokens) {
        this.logins = logins;
        this.tokens = tokens;
    }

    @PostMapping("/auth/login")
    LoginChallenge login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return logins.start(request.username(), request.password(), http.getRemoteAddr());
    }

    @PostMapping("/auth/verify-otp")
    TokenResponse verifyOtp(@Valid @RequestBody VerifyOtpRequest request, HttpServletRequest http) {
        return logins.verifyOtp(request.loginId(), request.otp(), http.getRemoteAddr());
    }

    @PostMapping("/auth/refresh")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request, HttpServletRequest http) {
        return tokens.refresh(request.refreshToken(), http.getRemoteAddr());
    }

    /** Always 204: whether the token existed is nobody's business. */
    @PostMapping("/auth/logout")
    ResponseEntity<Void> logout(@Valid @RequestBody RefreshRequest request) {
        tokens.logout(request.refreshToken());
        return ResponseEntity.noContent().build();
    }
}

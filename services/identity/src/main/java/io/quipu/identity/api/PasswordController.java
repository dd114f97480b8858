package io.quipu.identity.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.contracts.identity.ChangePasswordRequest;
import io.quipu.contracts.identity.PasswordResetConfirmRequest;
import io.quipu.contracts.identity.PasswordResetRequest;
import io.quipu.contracts.identity.PasswordResetStarted;
import io.quipu.identity.application.PasswordService;

/** Password change (the user's token and current password) and reset of a forgotten one (a code by SMS). */
@RestController
class PasswordController {

    private final PasswordService passwords;

    PasswordController(PasswordService passwords) {
        this.passwords = passwords;
    }

    @PostMapping("/auth/password")
    ResponseEntity<Void> change(@Valid @RequestBody ChangePasswordRequest request, HttpServletRequest http) {
        passwords.change(PasskeyController.callerUserId(), request.currentPassword(), request.newPassword(), http.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    /** Always 202 with a reset id, whoever the username is. */
    @PostMapping("/auth/password-reset")
    ResponseEntity<PasswordResetStarted> startReset(@Valid @RequestBody PasswordResetRequest request, HttpServletRequest http) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(passwords.startReset(request.username(), http.getRemoteAddr()));
    }

    @PostMapping("/auth/password-reset/confirm")
    ResponseEntity<Void> confirmReset(@Valid @RequestBody PasswordResetConfirmRequest request, HttpServletRequest http) {
        passwords.confirmReset(request.resetId(), request.otp(), request.newPassword(), http.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }
}

package io.quipu.identity.api;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.contracts.identity.TokenResponse;
import io.quipu.identity.application.IdentityProblems;
import io.quipu.identity.application.PasskeyService;
import io.quipu.identity.store.PasskeyStore;
import io.quipu.platform.security.CurrentCaller;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Passkeys (WebAuthn): a logged-in user registers, lists and deletes their own; a login whose password was accepted
 * completes with a passkey instead of the SMS code. Options are WebAuthn JSON (binary fields base64url), as the browser's
 * {@code PublicKeyCredential.parseCreationOptionsFromJSON} / {@code parseRequestOptionsFromJSON} read them.
 */
@RestController
class PasskeyController {

    /** Claim of login tokens with the user's id (customers and staff; client-credentials tokens have none). */
    static final String USER_ID_CLAIM = "user_id";

    record OptionsResponse(UUID challengeId, JsonNode publicKey) {
    }

    record RegistrationRequest(@NotNull UUID challengeId, @Size(max = 200) String label, @NotNull JsonNode credential) {
    }

    record AssertionOptionsRequest(@NotNull UUID loginId) {
    }

    record AssertionRequest(@NotNull UUID loginId, @NotNull JsonNode credential) {
    }

    record PasskeyView(UUID id, String label, String credentialId, Instant createdAt, Instant lastUsedAt) {
        static PasskeyView of(PasskeyStore.StoredPasskey passkey) {
            return new PasskeyView(passkey.id(), passkey.label(),
                    Base64.getUrlEncoder().withoutPadding().encodeToString(passkey.credentialId()), passkey.createdAt(),
                    passkey.lastUsedAt());
        }
    }

    private final PasskeyService passkeys;
    private final JsonMapper json;

    PasskeyController(PasskeyService passkeys, JsonMapper json) {
        this.passkeys = passkeys;
        this.json = json;
    }

    @PostMapping("/auth/passkeys/registration/options")
    OptionsResponse registrationOptions() {
        return response(passkeys.startRegistration(callerUserId()));
    }

    @PostMapping("/auth/passkeys/registration")
    ResponseEntity<PasskeyView> register(@Valid @RequestBody RegistrationRequest request, HttpServletRequest http) {
        PasskeyStore.StoredPasskey stored = passkeys.finishRegistration(callerUserId(), request.challengeId(), request.label(),
                credentialJson(request.credential()), http.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.CREATED).body(PasskeyView.of(stored));
    }

    @GetMapping("/auth/passkeys")
    List<PasskeyView> list() {
        return passkeys.list(callerUserId()).stream().map(PasskeyView::of).toList();
    }

    @DeleteMapping("/auth/passkeys/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        passkeys.delete(callerUserId(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/auth/passkeys/assertion/options")
    OptionsResponse assertionOptions(@Valid @RequestBody AssertionOptionsRequest request) {
        return response(passkeys.startAssertion(request.loginId()));
    }

    @PostMapping("/auth/passkeys/assertion")
    TokenResponse assertion(@Valid @RequestBody AssertionRequest request, HttpServletRequest http) {
        return passkeys.finishAssertion(request.loginId(), credentialJson(request.credential()), http.getRemoteAddr());
    }

    private OptionsResponse response(PasskeyService.Options options) {
        // The library writes {"publicKey": {...}}, what navigator.credentials.create/get take.
        return new OptionsResponse(options.challengeId(), json.readTree(options.publicKeyJson()).get("publicKey"));
    }

    private static String credentialJson(JsonNode credential) {
        if (!credential.isObject()) {
            throw IdentityProblems.invalidPasskeyCredential();
        }
        return credential.toString();
    }

    static UUID callerUserId() {
        String userId = CurrentCaller.token().map(token -> token.getClaimAsString(USER_ID_CLAIM)).orElse(null);
        if (userId == null) {
            throw IdentityProblems.notAUserToken();
        }
        try {
            return UUID.fromString(userId);
        } catch (IllegalArgumentException e) {
            throw IdentityProblems.notAUserToken();
        }
    }
}

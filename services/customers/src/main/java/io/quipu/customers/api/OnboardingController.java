package io.quipu.customers.api;

import java.net.URI;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.contracts.customers.CredentialsRequest;
import io.quipu.contracts.customers.OnboardingResponse;
import io.quipu.contracts.customers.SelfieRequest;
import io.quipu.contracts.customers.SignContractRequest;
import io.quipu.contracts.customers.StartOnboardingRequest;
import io.quipu.customers.application.OnboardingService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/**
 * Onboarding from the phone, open to anyone (the applicant has no login yet). After the start, every call carries the
 * case's resume token in {@code X-Onboarding-Token}: without it a case is "not found".
 */
@RestController
@Tag(name = "Onboarding", description = "Become a customer: identity, selfie, KYC, login, account, signed contract.")
class OnboardingController {

    static final String TOKEN_HEADER = "X-Onboarding-Token";

    private final OnboardingService onboarding;

    OnboardingController(OnboardingService onboarding) {
        this.onboarding = onboarding;
    }

    @PostMapping("/onboarding")
    @Operation(summary = "Start: document, names, e-mail, phone (checked with the identity registry)")
    ResponseEntity<OnboardingResponse> start(@Valid @RequestBody StartOnboardingRequest request) {
        OnboardingResponse started = OnboardingViews.of(onboarding.start(request));
        return ResponseEntity.created(URI.create("/onboarding/" + started.id())).body(started);
    }

    @GetMapping("/onboarding/{id}")
    @Operation(summary = "Where the case stands and what comes next (resume after closing the app)")
    OnboardingResponse get(@PathVariable UUID id, @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        return OnboardingViews.of(onboarding.find(id, token));
    }

    @PostMapping("/onboarding/{id}/selfie")
    @Operation(summary = "The selfie's features, matched against the registry photo; then KYC/AML screening")
    OnboardingResponse selfie(@PathVariable UUID id, @RequestHeader(name = TOKEN_HEADER, required = false) String token,
                              @Valid @RequestBody SelfieRequest request) {
        return OnboardingViews.of(onboarding.selfie(id, token, request.features()));
    }

    @PostMapping("/onboarding/{id}/credentials")
    @Operation(summary = "Username, password and the first account's currency: the login and the savings account")
    OnboardingResponse credentials(@PathVariable UUID id, @RequestHeader(name = TOKEN_HEADER, required = false) String token,
                                   @Valid @RequestBody CredentialsRequest request) {
        return OnboardingViews.of(onboarding.credentials(id, token, request.username(), request.password(), request.accountCurrency()));
    }

    @GetMapping("/onboarding/{id}/contract")
    @Operation(summary = "The contract to sign (PDF), to read before signing")
    ResponseEntity<byte[]> contract(@PathVariable UUID id, @RequestHeader(name = TOKEN_HEADER, required = false) String token) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("contrato.pdf").build().toString())
                .body(onboarding.contractPreview(id, token));
    }

    @PostMapping("/onboarding/{id}/contract/signature")
    @Operation(summary = "Sign the contract with a fresh selfie; it is e-mailed and the customer becomes active")
    OnboardingResponse sign(@PathVariable UUID id, @RequestHeader(name = TOKEN_HEADER, required = false) String token,
                            @Valid @RequestBody SignContractRequest request) {
        return OnboardingViews.of(onboarding.sign(id, token, request.features()));
    }
}

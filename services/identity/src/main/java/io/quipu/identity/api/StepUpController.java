package io.quipu.identity.api;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.quipu.contracts.identity.StepUpAuthorization;
import io.quipu.contracts.identity.StepUpChallenge;
import io.quipu.contracts.identity.StepUpConfirmRequest;
import io.quipu.contracts.identity.StepUpRedeemRequest;
import io.quipu.contracts.identity.StepUpRedemption;
import io.quipu.contracts.identity.StepUpRequest;
import io.quipu.identity.application.StepUpService;
import io.quipu.platform.security.CurrentCaller;

/**
 * Step-up for payments: the user (their token) starts and confirms it; the payments service (scope
 * {@code identity:step-up}) redeems the authorization once.
 */
@RestController
class StepUpController {

    private final StepUpService stepUps;

    StepUpController(StepUpService stepUps) {
        this.stepUps = stepUps;
    }

    @PostMapping("/auth/step-up")
    StepUpChallenge request(@Valid @RequestBody StepUpRequest request, HttpServletRequest http) {
        return stepUps.request(PasskeyController.callerUserId(), request.paymentId(), request.amount(), request.payee(),
                request.factor(), http.getRemoteAddr());
    }

    @PostMapping("/auth/step-up/{stepUpId}/confirm")
    StepUpAuthorization confirm(@PathVariable UUID stepUpId, @Valid @RequestBody StepUpConfirmRequest request,
                                HttpServletRequest http) {
        return stepUps.confirm(PasskeyController.callerUserId(), stepUpId, request.otp(), request.credential(),
                http.getRemoteAddr());
    }

    @PostMapping("/auth/step-up/redeem")
    StepUpRedemption redeem(@Valid @RequestBody StepUpRedeemRequest request, HttpServletRequest http) {
        String redeemedBy = CurrentCaller.token()
                .map(token -> token.getClaimAsString(CurrentCaller.CLIENT_ID_CLAIM) != null
                        ? token.getClaimAsString(CurrentCaller.CLIENT_ID_CLAIM) : token.getSubject())
                .orElse("unknown");
        return stepUps.redeem(request.authorization(), request.paymentId(), request.amount(), request.payee(), redeemedBy,
                http.getRemoteAddr());
    }
}

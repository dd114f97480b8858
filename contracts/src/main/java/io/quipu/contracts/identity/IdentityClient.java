package io.quipu.contracts.identity;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** The identity service's HTTP API for other services (create with platform's ServiceClients; scope identity:write). */
@HttpExchange
public interface IdentityClient {

    /** 201 with the user; 409 {@code username_taken} or {@code customer_has_user}; 400 {@code weak_password}. */
    @PostExchange("/users")
    UserResponse createUser(@RequestBody CreateUserRequest request);

    /** Spends a step-up authorization for exactly this payment (scope identity:step-up); {@code valid} false otherwise. */
    @PostExchange("/auth/step-up/redeem")
    StepUpRedemption redeemStepUp(@RequestBody StepUpRedeemRequest request);
}

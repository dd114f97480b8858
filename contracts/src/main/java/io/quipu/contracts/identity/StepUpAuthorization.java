package io.quipu.contracts.identity;

/**
 * A confirmed step-up: {@code authorization} is a signed JWT ({@code token_use} {@code step_up}, {@code aud}
 * {@code payments}) bound to one payment, valid once, for {@code expiresInSeconds}. The client hands it to the payments
 * service with the payment; payments redeems it ({@code POST /auth/step-up/redeem}).
 */
public record StepUpAuthorization(String authorization, long expiresInSeconds) {
}

package io.quipu.gateway.api;

import org.springframework.test.context.DynamicPropertyRegistry;

import io.quipu.platform.test.TestTokens;

/** A ledger and an identity stand-in for one test class, and the gateway settings that point at them. */
final class StandIns implements AutoCloseable {

    final BackendStub ledger = new BackendStub();
    final IdentityStandIn identity = new IdentityStandIn();

    void register(DynamicPropertyRegistry registry) {
        registry.add("quipu.services.ledger.url", ledger::baseUrl);
        registry.add("quipu.services.identity.url", identity::baseUrl);
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", () -> TestTokens.get().jwkSetUri());
        registry.add("quipu.security.issuer", () -> TestTokens.ISSUER);
    }

    @Override
    public void close() {
        ledger.close();
        identity.close();
    }
}

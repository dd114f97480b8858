package io.quipu.identity.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.yubico.webauthn.RelyingParty;
import com.yubico.webauthn.data.RelyingPartyIdentity;

import io.quipu.identity.store.PasskeyStore;

/**
 * The WebAuthn relying party: passkeys are bound to {@code quipu.identity.webauthn.rp-id} (a domain, no scheme or
 * port), and only pages served from {@code quipu.identity.webauthn.origins} may use them.
 */
@Configuration
public class PasskeyConfiguration {

    @Bean
    RelyingParty relyingParty(PasskeyStore passkeys,
                              @Value("${quipu.identity.webauthn.rp-id:localhost}") String relyingPartyId,
                              @Value("${quipu.identity.webauthn.rp-name:Quipu}") String relyingPartyName,
                              @Value("${quipu.identity.webauthn.origins:http://localhost:8080,http://localhost:8081}") List<String> origins) {
        Set<String> allowedOrigins = new LinkedHashSet<>();
        origins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).forEach(allowedOrigins::add);
        return RelyingParty.builder()
                .identity(RelyingPartyIdentity.builder().id(relyingPartyId).name(relyingPartyName).build())
                .credentialRepository(passkeys)
                .origins(allowedOrigins)
                // Attestation (which authenticator model made the key) is not asked for: a bank's customers use whatever
                // phone they own, and asking would only add a privacy prompt.
                .allowUntrustedAttestation(true)
                .validateSignatureCounter(true)
                .build();
    }
}

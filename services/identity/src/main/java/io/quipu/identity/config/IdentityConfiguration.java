package io.quipu.identity.config;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.transaction.support.TransactionTemplate;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import io.quipu.contracts.identity.IdentityContracts;
import io.quipu.identity.application.AuthorizationServerTokens;
import io.quipu.identity.application.PasswordHasher;
import io.quipu.identity.application.RefreshTokenReuseDetection;
import io.quipu.identity.application.SigningKeys;
import io.quipu.identity.application.TokenService;
import io.quipu.identity.clients.SmsAfterAnswer;
import io.quipu.identity.clients.SmsGateway;
import io.quipu.identity.domain.OneTimePasswords;
import io.quipu.identity.domain.PasswordPolicy;
import io.quipu.identity.domain.RefreshTokens;
import io.quipu.identity.events.AuthEventPublisher;
import io.quipu.identity.store.RefreshTokenStore;
import io.quipu.identity.store.SigningKeyStore;
import io.quipu.identity.store.SpentRefreshTokenStore;
import io.quipu.identity.store.UserStore;
import io.quipu.platform.crypto.FieldCipher;
import tools.jackson.databind.json.JsonMapper;

@Configuration
public class IdentityConfiguration {

    /** Every rule about time (expiry, lockout) reads this clock, so tests can move it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Bean
    PasswordHasher passwordHasher(SecureRandom random) {
        return new PasswordHasher(random);
    }

    @Bean
    PasswordPolicy passwordPolicy() {
        return PasswordPolicy.withBundledCommonPasswords();
    }

    @Bean
    OneTimePasswords oneTimePasswords(SecureRandom random, @Value("${quipu.identity.otp-secret}") String secret) {
        return new OneTimePasswords(random, secret.getBytes(StandardCharsets.UTF_8));
    }

    @Bean
    RefreshTokens refreshTokens(SecureRandom random) {
        return new RefreshTokens(random);
    }

    /** Seals the private signing keys at rest; production gives its own keys through the environment (docs/identity.md). */
    @Bean
    FieldCipher signingKeyCipher(@Value("${quipu.identity.signing-key-encryption.keys}") String keys,
                                 @Value("${quipu.identity.signing-key-encryption.active-key-id}") String activeKeyId) {
        return FieldCipher.fromConfiguration(keys, activeKeyId, null);
    }

    @Bean
    SigningKeys signingKeys(SigningKeyStore store, TransactionTemplate transactions, Clock clock,
                            @Value("${quipu.identity.retired-signing-key-retention}") Duration retiredKeyRetention) {
        SigningKeys keys = new SigningKeys(store, transactions, clock, retiredKeyRetention);
        keys.initialize();
        return keys;
    }

    /** Login tokens and the authorization server's tokens are signed from the same key source. */
    @Bean
    JwtEncoder jwtEncoder(SigningKeys signingKeys) {
        return new NimbusJwtEncoder(signingKeys);
    }

    /**
     * Tokens presented to the identity service itself ({@code POST /users}): verified against the local keys, with the
     * platform's checks (expiry, issuer, audience {@code identity}).
     */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys signingKeys, @Value("${quipu.security.issuer}") String issuer) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, signingKeys));
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        }); // the validators below check the claims, as in every other service
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        List<OAuth2TokenValidator<Jwt>> validators = List.of(
                new JwtTimestampValidator(),
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<List<String>>("aud", audiences -> audiences != null
                        && audiences.contains(IdentityContracts.SERVICE)));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        return decoder;
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> tokenCustomizer(SigningKeys signingKeys, UserStore users, TokenService tokens) {
        return new AuthorizationServerTokens(signingKeys, users, tokens);
    }

    /**
     * Authorizations in PostgreSQL, so codes, revocation and introspection work across restarts and instances; a
     * rotated-away refresh token presented again revokes its authorization.
     */
    @Bean
    OAuth2AuthorizationService authorizationService(JdbcTemplate jdbcTemplate, RegisteredClientRepository clients,
                                                    SpentRefreshTokenStore spentTokens, UserStore users,
                                                    AuthEventPublisher events, TransactionTemplate transactions, Clock clock) {
        return new RefreshTokenReuseDetection(new JdbcOAuth2AuthorizationService(jdbcTemplate, clients), spentTokens, users,
                events, transactions, clock);
    }

    @Bean
    SmsGateway smsGateway(@Value("${quipu.services.sandbox.url}") String baseUrl,
                          @Value("${quipu.identity.sms.api-key}") String apiKey,
                          @Value("${quipu.identity.sms.timeout}") Duration timeout,
                          @Value("${quipu.identity.sms.max-attempts}") int maxAttempts,
                          @Value("${quipu.identity.sms.first-retry-pause}") Duration firstRetryPause,
                          JsonMapper json) {
        return new SmsGateway(baseUrl, apiKey, timeout, maxAttempts, firstRetryPause, json);
    }

    /** SMS that go out after the answer (password resets); closed with the context. */
    @Bean(destroyMethod = "close")
    SmsAfterAnswer smsAfterAnswer(SmsGateway smsGateway, @Value("${quipu.identity.sms.after-answer-queue:1000}") int queueCapacity) {
        return new SmsAfterAnswer(smsGateway, queueCapacity);
    }

    @Bean
    TokenService tokenService(@Value("${quipu.security.issuer}") String issuer,
                              @Value("${quipu.identity.access-token-lifetime}") Duration accessTokenLifetime,
                              @Value("${quipu.identity.customer-scopes}") List<String> customerScopes,
                              @Value("${quipu.identity.staff-scopes}") List<String> staffScopes,
                              @Value("${quipu.identity.extra-audiences}") List<String> extraAudiences,
                              JwtEncoder encoder, SigningKeys signingKeys, RefreshTokens refreshTokens,
                              RefreshTokenStore store, UserStore users, AuthEventPublisher events,
                              TransactionTemplate transactions, Clock clock) {
        if (accessTokenLifetime.compareTo(Duration.ofMinutes(5)) < 0 || accessTokenLifetime.compareTo(Duration.ofMinutes(15)) > 0) {
            throw new IllegalArgumentException("quipu.identity.access-token-lifetime must be 5 to 15 minutes");
        }
        return new TokenService(new TokenService.Settings(issuer, accessTokenLifetime, customerScopes, staffScopes, extraAudiences),
                encoder, signingKeys, refreshTokens, store, users, events, transactions, clock);
    }
}

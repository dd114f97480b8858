package io.quipu.platform.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;

import io.quipu.platform.web.Problems;

/**
 * Every service is an OAuth2 resource server: a JWT from the identity service's JWKS, checked for signature, issuer,
 * audience (the service's own name) and expiry. Health probes, metrics and API docs are open; all else needs a token.
 * A service with its own rules declares its own {@link SecurityFilterChain} and this one steps aside.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"})
@ConditionalOnClass({JwtDecoder.class, HttpSecurity.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "quipu.security.enabled", matchIfMissing = true)
@EnableWebSecurity
public class ResourceServerAutoConfiguration {

    /** Paths anyone may call: probes and metrics for the platform, API docs for developers, the error page. */
    public static final String[] OPEN_PATHS = {"/actuator/health/**", "/actuator/info", "/actuator/prometheus",
            "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/error"};

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
                          @Value("${quipu.security.issuer}") String issuer,
                          @Value("${quipu.security.audience:${spring.application.name}}") String audience,
                          @Value("${quipu.security.verified-token-cache.max-entries}") int cacheMaxEntries,
                          @Value("${quipu.security.verified-token-cache.time-to-live}") Duration cacheTimeToLive) {
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(List.of(
                new JwtTimestampValidator(),
                new JwtIssuerValidator(issuer),
                new JwtClaimValidator<List<String>>("aud", audiences -> audiences != null && audiences.contains(audience))));
        return VerifiedTokenCache.fromJwkSet(jwkSetUri, validator, cacheMaxEntries, cacheTimeToLive);
    }

    /** Spring Security's firewall as it comes, with a cheaper check of header values (see {@link HeaderValues}). */
    @Bean
    WebSecurityCustomizer quipuFirewall() {
        return web -> web.httpFirewall(HeaderValues.firewall());
    }

    /**
     * With {@code management.observations.enable.spring.security=false} (the platform's default) Boot only makes Spring
     * Security's observations no-ops; every filter of every request is still wrapped and timed. These settings stop
     * the wrapping: it cost a fifth of the ledger's CPU per single transfer (docs/performance.md). The request's own
     * observation ({@code http.server.requests}, its metrics and trace) is not affected.
     */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "management.observations.enable.spring.security", havingValue = false)
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain resourceServerFilterChain(HttpSecurity http) throws Exception {
        return apply(http, rules -> { }).build();
    }

    /**
     * The shared rules, with a service's own path rules in between the open paths and the final "anything else needs
     * a valid token".
     */
    public static HttpSecurity apply(HttpSecurity http,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> serviceRules)
            throws Exception {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(ResourceServerAutoConfiguration::authorities);
        return http
                .csrf(csrf -> csrf.disable()) // bearer tokens only, no cookies: nothing for CSRF to ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(OPEN_PATHS).permitAll();
                    serviceRules.customize(requests);
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(new BearerTokenHeader())
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint((request, response, exception) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            Problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                                    "A valid bearer token is required.");
                        })
                        .accessDeniedHandler((request, response, exception) -> Problems.write(response,
                                HttpStatus.FORBIDDEN, "forbidden", "The token does not allow this operation.")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((request, response, exception) -> Problems.write(response,
                                HttpStatus.UNAUTHORIZED, "unauthenticated", "A valid bearer token is required."))
                        .accessDeniedHandler((request, response, exception) -> Problems.write(response,
                                HttpStatus.FORBIDDEN, "forbidden", "The token does not allow this operation.")));
    }

    /** Scopes become {@code SCOPE_x}, staff roles {@code ROLE_x}; a customer's token also carries {@code ROLE_customer}. */
    static Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        CurrentCaller.scopes(jwt).forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope)));
        List<String> roles = jwt.getClaimAsStringList(CurrentCaller.ROLES_CLAIM);
        if (roles != null) {
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        }
        if (jwt.hasClaim(CurrentCaller.CUSTOMER_ID_CLAIM)) {
            authorities.add(new SimpleGrantedAuthority("ROLE_customer"));
        }
        return authorities;
    }
}

package io.quipu.identity.config;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import io.quipu.contracts.identity.IdentityContracts;
import io.quipu.platform.security.BearerTokenHeader;
import io.quipu.platform.security.ResourceServerAutoConfiguration;
import io.quipu.platform.web.Problems;

/**
 * Two filter chains: the authorization server's protocol endpoints ({@code /oauth2/**}, discovery), and the service's
 * own API with the platform's resource-server rules.
 */
@Configuration
public class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerSecurity(HttpSecurity http) throws Exception {
        http.oauth2AuthorizationServer(server -> {
                    http.securityMatcher(server.getEndpointsMatcher());
                    server.oidc(Customizer.withDefaults());
                    server.tokenEndpoint(token -> token.accessTokenRequestConverters(converters -> converters.add(0, new DefaultClientScopes())));
                })
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(Customizer.withDefaults()))
                .exceptionHandling(handling -> handling
                        // The authorization endpoint is a browser's: without a login it goes to the login page, which
                        // comes back here (the request is saved in the session).
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                PathPatternRequestMatcher.pathPattern(HttpMethod.GET, "/oauth2/authorize"))
                        .defaultAuthenticationEntryPointFor((request, response, exception) ->
                                Problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication is required."),
                                request -> true));
        return http.build();
    }

    /**
     * The login page of the authorization code flow: a browser session (the only one in this service), forms with CSRF
     * tokens, no framing, and a strict content policy (no script at all).
     */
    @Bean
    @Order(2)
    SecurityFilterChain loginPageSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher("/login", "/login/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(
                        "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'")))
                .build();
    }

    /** The steps of a login and of a password reset: open to anyone, and a bearer header sent along is ignored there. */
    static final List<String> OPEN_LOGIN_PATHS = List.of("/auth/login", "/auth/verify-otp", "/auth/refresh", "/auth/logout",
            "/auth/passkeys/assertion/options", "/auth/passkeys/assertion", "/auth/password-reset", "/auth/password-reset/confirm");

    /**
     * Logins are open (that is how one gets a token); creating users needs identity:write or an administrator;
     * managing passkeys needs a user's token. On the login endpoints a bearer header is ignored: a client refreshing
     * with an expired access token still attached must get its new tokens, not a 401 about the old one.
     */
    @Bean
    @Order(3)
    SecurityFilterChain identitySecurity(HttpSecurity http) throws Exception {
        BearerTokenHeader headerResolver = new BearerTokenHeader();
        BearerTokenResolver resolver = request -> OPEN_LOGIN_PATHS.contains(request.getRequestURI()) ? null : headerResolver.resolve(request);
        return ResourceServerAutoConfiguration.apply(http, requests -> requests
                        .requestMatchers(HttpMethod.POST, OPEN_LOGIN_PATHS.toArray(String[]::new)).permitAll()
                        // Registering, listing and deleting passkeys: the user's own, with the token of a complete login.
                        .requestMatchers("/auth/passkeys", "/auth/passkeys/**").authenticated()
                        // Redeeming step-ups: the payments service; starting and confirming them: the user's own token.
                        .requestMatchers(HttpMethod.POST, "/auth/step-up/redeem").hasAuthority("SCOPE_" + IdentityContracts.STEP_UP_SCOPE)
                        .requestMatchers("/auth/step-up", "/auth/step-up/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/auth/password").authenticated()
                        .requestMatchers(HttpMethod.POST, "/users").hasAnyAuthority("SCOPE_" + IdentityContracts.WRITE_SCOPE, "ROLE_admin"))
                .oauth2ResourceServer(server -> server.bearerTokenResolver(resolver))
                .build();
    }
}

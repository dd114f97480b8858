package io.quipu.gateway.config;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.session.NullAuthenticatedSessionStrategy;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.client.RestClient;

import io.quipu.gateway.api.BffSessions;
import io.quipu.gateway.api.CsrfCookieFilter;
import io.quipu.gateway.api.EdgePaths;
import io.quipu.gateway.api.RateLimitFilters;
import io.quipu.gateway.api.RateLimiter;
import io.quipu.gateway.api.SessionTokenRelayFilter;
import io.quipu.gateway.clients.IdentityAuthClient;
import io.quipu.gateway.domain.BackendService;
import io.quipu.gateway.domain.BackendServices;
import io.quipu.gateway.domain.EdgeAudience;
import io.quipu.platform.observability.RequestIdFilter;
import io.quipu.platform.security.BearerTokenHeader;
import io.quipu.platform.security.ResourceServerAutoConfiguration;
import io.quipu.platform.security.VerifiedTokenCache;
import io.quipu.platform.web.Problems;

/**
 * The gateway's edge security: bearer tokens validated for every {@code /api/**} call but the open ones, the web
 * app's session relayed as a bearer token, CSRF protection for cookie-authenticated requests, rate limits, and the
 * security headers of every response. Replaces the platform's resource-server chain (a service's rules), which does
 * not know sessions.
 */
@Configuration(proxyBeanMethods = false)
public class EdgeSecurityConfiguration {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final long ONE_YEAR_SECONDS = 31_536_000;
    private static final String[] SWAGGER_UI_PATHS = {"/swagger-ui/**", "/swagger-ui.html"};

    /**
     * Signature (identity's JWKS), issuer and expiry. The audience depends on the route, so it is checked per request
     * ({@link #audienceChecked}).
     */
    @Bean
    JwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
                          @Value("${quipu.security.issuer}") String issuer,
                          @Value("${quipu.security.verified-token-cache.max-entries}") int cacheMaxEntries,
                          @Value("${quipu.security.verified-token-cache.time-to-live}") Duration cacheTimeToLive) {
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(
                List.of(new JwtTimestampValidator(), new JwtIssuerValidator(issuer)));
        return VerifiedTokenCache.fromJwkSet(jwkSetUri, validator, cacheMaxEntries, cacheTimeToLive);
    }

    @Bean
    IdentityAuthClient identityAuthClient(RestClient.Builder restClientBuilder, Environment environment,
            GatewayProperties gatewayProperties, SessionProperties sessionProperties) {
        BackendService identity = BackendServices.ALL.stream().filter(service -> service.name().equals("identity"))
                .findFirst().orElseThrow();
        URI baseUri = identity.baseUri(environment.getProperty("quipu.services.identity.url", identity.defaultBaseUrl()));
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(gatewayProperties.connectTimeout())
                .build());
        requestFactory.setReadTimeout(sessionProperties.identityTimeout());
        RestClient restClient = restClientBuilder.clone()
                .baseUrl(baseUri.toString())
                .requestFactory(requestFactory)
                .requestInterceptor((request, body, execution) -> {
                    // The same request id in the gateway's and identity's log lines.
                    String requestId = MDC.get(RequestIdFilter.MDC_KEY);
                    if (requestId != null) {
                        request.getHeaders().set(RequestIdFilter.HEADER, requestId);
                    }
                    return execution.execute(request, body);
                })
                .build();
        return new IdentityAuthClient(restClient);
    }

    @Bean
    BffSessions bffSessions(IdentityAuthClient identity, JwtDecoder jwtDecoder, SessionProperties sessionProperties) {
        return new BffSessions(identity, audienceChecked(jwtDecoder, null), sessionProperties.refreshBeforeExpiry(),
                Clock.systemUTC());
    }

    @Bean
    SecurityFilterChain edgeSecurityFilterChain(HttpSecurity http, JwtDecoder jwtDecoder, BffSessions sessions,
            SessionProperties sessionProperties, RateLimitProperties rateLimits, SecurityHeadersProperties headers,
            @Value("${quipu.gateway.sandbox-without-token:false}") boolean sandboxWithoutToken) throws Exception {
        RequestMatcher publicApi = EdgePaths.publicApi(sandboxWithoutToken);
        RequestMatcher swaggerUi = EdgePaths.anyOf(List.of(SWAGGER_UI_PATHS));

        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookiePath("/");
        csrfTokens.setCookieCustomizer(cookie -> cookie.secure(sessionProperties.secureCookie()).sameSite("Strict"));
        // The plain handler: the web app echoes the cookie's value as it is (no per-request masking to undo).
        CsrfTokenRequestAttributeHandler csrfRequestHandler = new CsrfTokenRequestAttributeHandler();

        BearerTokenHeader headerTokens = new BearerTokenHeader();
        // A token sent to an open path is not checked here (identity ignores it too): a client refreshing with an
        // expired access token still attached gets its new tokens.
        BearerTokenResolver bearerTokens = request -> publicApi.matches(request) ? null : headerTokens.resolve(request);

        RateLimiter authenticationPerIp = new RateLimiter(rateLimits.authenticationPerIp().toRateLimit(), rateLimits.maxTrackedKeys());
        RateLimiter perIp = new RateLimiter(rateLimits.perIp().toRateLimit(), rateLimits.maxTrackedKeys());
        RateLimiter perClient = new RateLimiter(rateLimits.perClient().toRateLimit(), rateLimits.maxTrackedKeys());

        http
                // Spring Security keeps nothing in the session: the web app's login is BffSessions' business. A bearer
                // token is authenticated on every request, so neither the session id nor the CSRF token may change
                // with it (both strategies are meant for a login form).
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy()))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(csrfRequestHandler)
                        .sessionAuthenticationStrategy(new NullAuthenticatedSessionStrategy())
                        .requireCsrfProtectionMatcher(EdgeSecurityConfiguration::authenticatedByCookie))
                .headers(response -> response
                        // Sent on plain http too, where browsers ignore it: what matters is that no https answer lacks it.
                        .httpStrictTransportSecurity(hsts -> hsts.disable())
                        .addHeaderWriter(new StaticHeadersWriter("Strict-Transport-Security",
                                "max-age=" + ONE_YEAR_SECONDS + "; includeSubDomains"))
                        .contentTypeOptions(options -> { })
                        .frameOptions(frames -> frames.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(swaggerUi),
                                new StaticHeadersWriter("Content-Security-Policy", headers.contentSecurityPolicy())))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(swaggerUi,
                                new StaticHeadersWriter("Content-Security-Policy", headers.swaggerUiContentSecurityPolicy()))))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(ResourceServerAutoConfiguration.OPEN_PATHS).permitAll()
                        .requestMatchers("/actuator/**").denyAll()
                        .requestMatchers(publicApi).permitAll()
                        .requestMatchers("/api", "/api/**").authenticated()
                        // The gateway's own pages: the web app's files, Swagger UI, /bff (which checks its session itself).
                        .anyRequest().permitAll())
                .oauth2ResourceServer(server -> server
                        .bearerTokenResolver(bearerTokens)
                        .authenticationManagerResolver(audiencePerRoute(jwtDecoder))
                        .authenticationEntryPoint(unauthenticated())
                        .accessDeniedHandler(forbidden()))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(unauthenticated())
                        .accessDeniedHandler(forbidden()))
                .addFilterBefore(RateLimitFilters.perAddress(authenticationPerIp, perIp), CsrfFilter.class)
                .addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class)
                .addFilterBefore(new SessionTokenRelayFilter(sessions), BearerTokenAuthenticationFilter.class)
                .addFilterAfter(RateLimitFilters.perClient(perClient, sessions), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    /**
     * CSRF matters where the browser's cookie authenticates: the web app's /bff calls and /api calls with the cookie of
     * a live session (a cookie of an ended session authenticates nothing). A request with its own bearer token is
     * exempt: a browser never adds one to a forged cross-site request.
     */
    private static boolean authenticatedByCookie(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod()) || EdgePaths.hasBearerToken(request)) {
            return false;
        }
        return request.getRequestURI().startsWith("/bff/") || request.isRequestedSessionIdValid();
    }

    /** One authentication manager per service (and one for the gateway's own paths), all sharing the same keys. */
    private static AuthenticationManagerResolver<HttpServletRequest> audiencePerRoute(JwtDecoder jwtDecoder) {
        Map<String, AuthenticationManager> managers = new HashMap<>();
        for (BackendService service : BackendServices.ALL) {
            managers.put(service.name(), new ProviderManager(new JwtAuthenticationProvider(audienceChecked(jwtDecoder, service.name()))));
        }
        AuthenticationManager gatewayOnly = new ProviderManager(new JwtAuthenticationProvider(audienceChecked(jwtDecoder, null)));
        return request -> {
            String service = EdgePaths.targetService(request);
            return service == null ? gatewayOnly : managers.get(service);
        };
    }

    /** Decodes with {@code decoder}, then requires an audience the edge accepts for {@code targetService}. */
    static JwtDecoder audienceChecked(JwtDecoder decoder, String targetService) {
        return token -> {
            Jwt jwt = decoder.decode(token);
            if (!EdgeAudience.accepts(jwt.getAudience(), targetService)) {
                throw new JwtValidationException("The token's audience does not include the gateway or the service.",
                        List.of(new OAuth2Error("invalid_token", "The token's audience does not include the gateway or the service.", null)));
            }
            return jwt;
        };
    }

    private static AuthenticationEntryPoint unauthenticated() {
        return (request, response, exception) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            Problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "A valid bearer token or a logged-in session is required.");
        };
    }

    private static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> {
            if (exception instanceof CsrfException) {
                Problems.write(response, HttpStatus.FORBIDDEN, "csrf_token_invalid",
                        "This request needs the X-XSRF-TOKEN header with the value of the XSRF-TOKEN cookie.");
            } else {
                Problems.write(response, HttpStatus.FORBIDDEN, "forbidden", "This request is not allowed.");
            }
        };
    }
}

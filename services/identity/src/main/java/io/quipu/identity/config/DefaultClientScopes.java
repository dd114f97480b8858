package io.quipu.identity.config;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ClientCredentialsAuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * A client-credentials request without {@code scope} gets every scope registered for the client (RFC 6749 §3.3 lets
 * the server choose a default); the authorization server alone would issue a token with no scope, and so no audience.
 * A request that names scopes gets exactly those, checked against the registration as usual.
 */
class DefaultClientScopes implements AuthenticationConverter {

    private final OAuth2ClientCredentialsAuthenticationConverter delegate = new OAuth2ClientCredentialsAuthenticationConverter();

    @Override
    public Authentication convert(HttpServletRequest request) {
        Authentication converted = delegate.convert(request);
        if (converted instanceof OAuth2ClientCredentialsAuthenticationToken token && token.getScopes().isEmpty()
                && token.getPrincipal() instanceof OAuth2ClientAuthenticationToken client) {
            RegisteredClient registered = client.getRegisteredClient();
            if (registered != null) {
                return new OAuth2ClientCredentialsAuthenticationToken(client, registered.getScopes(), token.getAdditionalParameters());
            }
        }
        return converted;
    }
}

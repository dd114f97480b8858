package io.quipu.identity.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

import io.quipu.identity.domain.Audiences;
import io.quipu.identity.store.UserRecord;
import io.quipu.identity.store.UserStore;
import io.quipu.platform.security.CurrentCaller;

/**
 * Shapes what the authorization server signs so that every token of the platform reads the same way.
 * <ul>
 * <li>Every token names the active key ({@code kid}).</li>
 * <li>Client credentials: {@code aud} = the services the scopes name, {@code scope} as one string, {@code client_id}.</li>
 * <li>Authorization code and refresh (a user logged in on the login page): the same claims as login tokens
 * ({@link TokenService#describeUser}), with the scopes the client asked for that this kind of user may hold. A user
 * disabled since the login gets no more tokens.</li>
 * </ul>
 */
public class AuthorizationServerTokens implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final SigningKeys signingKeys;
    private final UserStore users;
    private final TokenService tokens;

    public AuthorizationServerTokens(SigningKeys signingKeys, UserStore users, TokenService tokens) {
        this.signingKeys = signingKeys;
        this.users = users;
        this.tokens = tokens;
    }

    /**
     * The principal the login page puts in the session: the user's id as name and the two factors with their time (the
     * ID token's {@code auth_time}); nothing else, since it is stored as JSON with the authorization.
     */
    public static Authentication loggedIn(UserRecord user, Instant authenticatedAt) {
        return UsernamePasswordAuthenticationToken.authenticated(user.id().toString(), null, List.of(
                FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY).issuedAt(authenticatedAt).build(),
                FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.OTT_AUTHORITY).issuedAt(authenticatedAt).build()));
    }

    @Override
    public void customize(JwtEncodingContext context) {
        context.getJwsHeader().keyId(signingKeys.activeKeyId());
        AuthorizationGrantType grant = context.getAuthorizationGrantType();
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(grant)) {
            if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                context.getClaims()
                        .audience(new ArrayList<>(Audiences.fromScopes(context.getAuthorizedScopes())))
                        // RFC 9068: a space-separated string, as in login tokens (the server's default is a list)
                        .claim("scope", String.join(" ", new TreeSet<>(context.getAuthorizedScopes())))
                        .claim(CurrentCaller.CLIENT_ID_CLAIM, context.getRegisteredClient().getClientId());
            }
            return;
        }
        if (!AuthorizationGrantType.AUTHORIZATION_CODE.equals(grant) && !AuthorizationGrantType.REFRESH_TOKEN.equals(grant)) {
            return;
        }
        UserRecord user = activeUser(context.getPrincipal());
        List<String> granted = tokens.scopesOf(user).stream().filter(context.getAuthorizedScopes()::contains).toList();
        if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            tokens.describeUser(context.getClaims(), user, granted);
            context.getClaims().claim(CurrentCaller.CLIENT_ID_CLAIM, context.getRegisteredClient().getClientId());
        } else if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            // The ID token names the same subject as the access token (customer id, or username for staff).
            context.getClaims().subject(user.isCustomer() ? user.customerId().toString() : user.username());
        }
    }

    private UserRecord activeUser(Authentication principal) {
        UUID userId;
        try {
            userId = UUID.fromString(principal.getName());
        } catch (IllegalArgumentException e) {
            throw invalidGrant();
        }
        return users.find(userId).filter(UserRecord::isActive).orElseThrow(AuthorizationServerTokens::invalidGrant);
    }

    private static OAuth2AuthenticationException invalidGrant() {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT, "The user cannot log in.", null));
    }
}

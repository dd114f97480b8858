package io.quipu.identity.application;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.transaction.support.TransactionTemplate;

import io.quipu.contracts.identity.IdentityContracts;
import io.quipu.identity.domain.RefreshTokens;
import io.quipu.identity.events.AuthEventPublisher;
import io.quipu.identity.store.SpentRefreshTokenStore;
import io.quipu.identity.store.UserRecord;
import io.quipu.identity.store.UserStore;

/**
 * The authorization server's authorizations, with the same refresh-token rule as our own logins: a refresh token works
 * once (the server rotates it), and presenting a rotated-away one revokes the whole authorization — its current access
 * and refresh tokens — because either the client or a thief holds a copy and the server cannot tell which.
 */
public class RefreshTokenReuseDetection implements OAuth2AuthorizationService {

    private final OAuth2AuthorizationService delegate;
    private final SpentRefreshTokenStore spentTokens;
    private final UserStore users;
    private final AuthEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public RefreshTokenReuseDetection(OAuth2AuthorizationService delegate, SpentRefreshTokenStore spentTokens, UserStore users,
                                      AuthEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.delegate = delegate;
        this.spentTokens = spentTokens;
        this.users = users;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        transactions.executeWithoutResult(status -> {
            OAuth2Authorization previous = delegate.findById(authorization.getId());
            OAuth2Authorization.Token<OAuth2RefreshToken> previousToken = previous == null ? null : previous.getRefreshToken();
            OAuth2Authorization.Token<OAuth2RefreshToken> nextToken = authorization.getRefreshToken();
            if (previousToken != null && (nextToken == null
                    || !previousToken.getToken().getTokenValue().equals(nextToken.getToken().getTokenValue()))) {
                Instant now = clock.instant();
                Instant expiresAt = previousToken.getToken().getExpiresAt() == null ? now : previousToken.getToken().getExpiresAt();
                spentTokens.insert(RefreshTokens.hash(previousToken.getToken().getTokenValue()), authorization.getId(), now, expiresAt);
            }
            delegate.save(authorization);
        });
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        delegate.remove(authorization);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return delegate.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        OAuth2Authorization found = delegate.findByToken(token, tokenType);
        if (found == null && OAuth2TokenType.REFRESH_TOKEN.equals(tokenType)) {
            revokeIfReused(token);
        }
        return found;
    }

    private void revokeIfReused(String token) {
        transactions.executeWithoutResult(status -> spentTokens.findAuthorizationId(RefreshTokens.hash(token)).ifPresent(id -> {
            OAuth2Authorization family = delegate.findById(id);
            if (family == null) {
                return; // already revoked or expired
            }
            delegate.remove(family);
            events.publish(IdentityContracts.REFRESH_TOKEN_REUSED, owner(family), null, "refresh_token_reused", null, null,
                    null, clock.instant());
        }));
    }

    private UserRecord owner(OAuth2Authorization authorization) {
        try {
            return users.find(UUID.fromString(authorization.getPrincipalName())).orElse(null);
        } catch (IllegalArgumentException e) {
            return null; // not a user's authorization
        }
    }
}

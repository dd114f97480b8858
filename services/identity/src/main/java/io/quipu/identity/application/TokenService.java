package io.quipu.identity.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.transaction.support.TransactionTemplate;

import io.quipu.contracts.identity.IdentityContracts;
import io.quipu.contracts.identity.TokenResponse;
import io.quipu.identity.domain.Audiences;
import io.quipu.identity.domain.RefreshTokens;
import io.quipu.identity.events.AuthEventPublisher;
import io.quipu.identity.store.RefreshTokenStore;
import io.quipu.identity.store.UserRecord;
import io.quipu.identity.store.UserStore;
import io.quipu.platform.id.Ids;
import io.quipu.platform.security.CurrentCaller;

/**
 * Access tokens (signed JWT, short-lived) and refresh tokens (opaque, rotating) of logged-in users. Customers' tokens
 * have the customer id as subject and claim {@code customer_id}; staff tokens have the username as subject and claim
 * {@code roles}. {@code aud} follows the platform rule: the services named by the scopes, plus configured extras
 * (the gateway, which validates at the edge).
 */
public class TokenService {

    public record Settings(String issuer, Duration accessTokenLifetime, List<String> customerScopes,
                           List<String> staffScopes, List<String> extraAudiences) {
    }

    private final Settings settings;
    private final JwtEncoder encoder;
    private final SigningKeys signingKeys;
    private final RefreshTokens refreshTokens;
    private final RefreshTokenStore store;
    private final UserStore users;
    private final AuthEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public TokenService(Settings settings, JwtEncoder encoder, SigningKeys signingKeys, RefreshTokens refreshTokens,
                        RefreshTokenStore store, UserStore users, AuthEventPublisher events,
                        TransactionTemplate transactions, Clock clock) {
        this.settings = settings;
        this.encoder = encoder;
        this.signingKeys = signingKeys;
        this.refreshTokens = refreshTokens;
        this.store = store;
        this.users = users;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A new family's first refresh token, in the caller's transaction (the one completing the login). */
    String startFamily(UserRecord user, Instant now) {
        String token = refreshTokens.generate();
        UUID id = Ids.newId();
        store.insert(id, id, null, user.id(), RefreshTokens.hash(token), scope(user), now, now.plus(RefreshTokens.LIFETIME));
        return token;
    }

    TokenResponse tokenResponse(UserRecord user, String refreshToken, Instant now) {
        return new TokenResponse(accessToken(user, now), "Bearer", settings.accessTokenLifetime().toSeconds(), refreshToken,
                RefreshTokens.LIFETIME.toSeconds(), scope(user));
    }

    private record Rotation(UserRecord user, String refreshToken, boolean reused) {
    }

    /**
     * Exchanges a refresh token for new tokens; the old one is spent. Presenting a spent or revoked token revokes its
     * whole family: either the client or a thief holds a copy, and the server cannot tell which.
     */
    public TokenResponse refresh(String refreshToken, String sourceAddress) {
        Instant now = clock.instant();
        Rotation rotation = transactions.execute(status -> {
            RefreshTokenStore.StoredRefreshToken stored = store.findForUpdate(RefreshTokens.hash(refreshToken)).orElse(null);
            if (stored == null) {
                return null;
            }
            if (stored.status() != RefreshTokens.Status.ACTIVE) {
                if (store.revokeFamily(stored.familyId(), now) > 0 || stored.status() == RefreshTokens.Status.ROTATED) {
                    UserRecord owner = users.find(stored.userId()).orElse(null);
                    events.publish(IdentityContracts.REFRESH_TOKEN_REUSED, owner, null, "refresh_token_reused", null, null,
                            sourceAddress, now);
                }
                return new Rotation(null, null, true);
            }
            UserRecord user = users.find(stored.userId()).orElse(null);
            if (!now.isBefore(stored.expiresAt()) || user == null || !user.isActive()) {
                return null;
            }
            store.markRotated(stored.id(), now);
            String next = refreshTokens.generate();
            store.insert(Ids.newId(), stored.familyId(), stored.id(), user.id(), RefreshTokens.hash(next), stored.scope(), now,
                    now.plus(RefreshTokens.LIFETIME));
            return new Rotation(user, next, false);
        });
        if (rotation == null || rotation.reused()) {
            throw IdentityProblems.invalidRefreshToken();
        }
        return tokenResponse(rotation.user(), rotation.refreshToken(), now);
    }

    /** Revokes the token's family: the session ends on every token derived from the same login. Unknown tokens are ignored. */
    public void logout(String refreshToken) {
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> store.findForUpdate(RefreshTokens.hash(refreshToken))
                .ifPresent(stored -> store.revokeFamily(stored.familyId(), now)));
    }

    private String accessToken(UserRecord user, Instant now) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(settings.issuer())
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(now.plus(settings.accessTokenLifetime()))
                .id(Ids.newId().toString());
        describeUser(claims, user, scopesOf(user));
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(signingKeys.activeKeyId()).type("JWT").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }

    /** The scopes a user of this kind may hold: a customer's or a staff member's. */
    public List<String> scopesOf(UserRecord user) {
        return user.isCustomer() ? settings.customerScopes() : settings.staffScopes();
    }

    /**
     * The claims saying who the user is and what the token may do, the same in login tokens and in the authorization
     * server's tokens (authorization code flow): subject, {@code customer_id} or {@code roles}, {@code user_id},
     * {@code scope} and the audiences those scopes name.
     */
    public void describeUser(JwtClaimsSet.Builder claims, UserRecord user, Collection<String> scopes) {
        Set<String> audiences = new LinkedHashSet<>(Audiences.fromScopes(scopes));
        audiences.addAll(settings.extraAudiences());
        // plain ArrayLists: the authorization server's stored JSON allows only well-known collection types
        claims.audience(new ArrayList<>(audiences))
                .claim("scope", String.join(" ", scopes))
                .claim("user_id", user.id().toString());
        if (user.isCustomer()) {
            claims.subject(user.customerId().toString()).claim(CurrentCaller.CUSTOMER_ID_CLAIM, user.customerId().toString());
        } else {
            claims.subject(user.username()).claim(CurrentCaller.ROLES_CLAIM,
                    new ArrayList<>(user.roles().stream().map(role -> role.toLowerCase(Locale.ROOT)).sorted().toList()));
        }
    }

    private String scope(UserRecord user) {
        return String.join(" ", scopesOf(user));
    }
}

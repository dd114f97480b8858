package io.quipu.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import io.quipu.platform.web.ApiException;

/**
 * Who is calling, from the validated access token: a customer (claim {@code customer_id}), a staff member (claim
 * {@code roles}) or a service / channel partner (client credentials, claim {@code client_id}). Services check
 * ownership with it themselves; the gateway's checks are not enough (least privilege, ARCHITECTURE.md).
 */
public final class CurrentCaller {

    public static final String CUSTOMER_ID_CLAIM = "customer_id";
    public static final String ROLES_CLAIM = "roles";
    public static final String CLIENT_ID_CLAIM = "client_id";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private CurrentCaller() {
    }

    public static Optional<Jwt> token() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return Optional.of(jwt.getToken());
        }
        return Optional.empty();
    }

    public static String subject() {
        return requireToken().getSubject();
    }

    /** The customer the token was issued to, if it was issued to a customer. */
    public static Optional<UUID> customerId() {
        return token().map(jwt -> jwt.getClaimAsString(CUSTOMER_ID_CLAIM)).map(UUID::fromString);
    }

    public static UUID requireCustomerId() {
        return customerId().orElseThrow(() -> ApiException.forbidden("customer_token_required",
                "This operation is for customers; the token was not issued to a customer."));
    }

    public static boolean isCustomer() {
        return customerId().isPresent();
    }

    public static boolean hasScope(String scope) {
        return token().map(jwt -> scopes(jwt).contains(scope)).orElse(false);
    }

    public static boolean hasRole(String role) {
        return token().map(jwt -> {
            List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
            return roles != null && roles.contains(role);
        }).orElse(false);
    }

    public static void requireScope(String scope) {
        if (!hasScope(scope)) {
            throw ApiException.forbidden("insufficient_scope", "The token lacks the scope " + scope + ".");
        }
    }

    /**
     * A customer may act only on what is theirs; staff and services pass. Answers 404, not 403, so that a customer
     * cannot learn which ids exist (BOLA).
     */
    public static void requireOwnerOrStaff(UUID ownerCustomerId, String notFoundCode) {
        Optional<UUID> caller = customerId();
        if (caller.isPresent() && !caller.get().equals(ownerCustomerId)) {
            throw ApiException.notFound(notFoundCode, "Not found.");
        }
    }

    static Collection<String> scopes(Jwt jwt) {
        Object scope = jwt.getClaims().get("scope");
        if (scope instanceof String text) {
            return text.isBlank() ? List.of() : List.of(WHITESPACE.split(text.trim()));
        }
        if (scope instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        List<String> scp = jwt.getClaimAsStringList("scp");
        return scp == null ? List.of() : scp;
    }

    private static Jwt requireToken() {
        return token().orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "unauthenticated", "A bearer token is required."));
    }
}

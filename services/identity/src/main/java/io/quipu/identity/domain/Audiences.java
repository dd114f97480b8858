package io.quipu.identity.domain;

import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The platform's audience rule: scopes look like {@code <service>:<action>} ({@code ledger:write}), and a token is meant
 * for exactly the services its scopes name. Every service accepts only tokens whose {@code aud} contains its own name,
 * so a token for the payments service cannot be replayed against the ledger.
 */
public final class Audiences {

    private Audiences() {
    }

    /** The sorted, distinct {@code <service>} prefixes of the scopes; scopes without a prefix ({@code openid}) name no service. */
    public static List<String> fromScopes(Collection<String> scopes) {
        TreeSet<String> services = new TreeSet<>();
        for (String scope : scopes) {
            int colon = scope.indexOf(':');
            if (colon > 0) {
                services.add(scope.substring(0, colon));
            }
        }
        return List.copyOf(services);
    }
}

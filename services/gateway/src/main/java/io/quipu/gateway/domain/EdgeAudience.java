package io.quipu.gateway.domain;

import java.util.Collection;

/**
 * Which access tokens the gateway lets through to a service. Login tokens name {@code gateway} in their audience;
 * client-credentials tokens of partners name only the services of their scopes ({@code payments}), so a token is
 * accepted at the edge when its audience names the gateway or the service the request goes to. The service checks its
 * own name again: a login token without {@code loans} passes the gateway and is refused by loans.
 */
public final class EdgeAudience {

    public static final String GATEWAY = "gateway";

    private EdgeAudience() {
    }

    /**
     * @param audiences     the token's {@code aud}
     * @param targetService the service of the route, or null when the request goes to the gateway itself
     */
    public static boolean accepts(Collection<String> audiences, String targetService) {
        if (audiences == null) {
            return false;
        }
        return audiences.contains(GATEWAY) || (targetService != null && audiences.contains(targetService));
    }
}

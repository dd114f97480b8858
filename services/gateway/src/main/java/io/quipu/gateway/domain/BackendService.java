package io.quipu.gateway.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * A service behind the gateway: reached at {@code /api/<name>/**}, which the gateway forwards to the service's base URL
 * without the {@code /api/<name>} prefix.
 *
 * @param name        the service's name, lower-case letters only, as in ARCHITECTURE.md
 * @param defaultPort the service's port in the local run
 */
public record BackendService(String name, int defaultPort) {

    private static final Pattern NAME = Pattern.compile("[a-z]{1,30}");

    public BackendService {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a service name is 1 to 30 lower-case letters: " + name);
        }
        if (defaultPort < 1 || defaultPort > 65_535) {
            throw new IllegalArgumentException("a port is 1-65535: " + defaultPort);
        }
    }

    /** The path prefix the gateway owns for this service, without a trailing slash: {@code /api/ledger}. */
    public String routePrefix() {
        return "/api/" + name;
    }

    /** Where the gateway serves the service's OpenAPI document. */
    public String apiDocsPath() {
        return routePrefix() + "/v3/api-docs";
    }

    /** The base URL in the local run, where every service listens on the loopback interface. */
    public String defaultBaseUrl() {
        return "http://127.0.0.1:" + defaultPort;
    }

    /**
     * Checks a configured base URL: http or https, a host, and nothing after the port, since the path of a proxied
     * request is the client's path without the prefix.
     *
     * @throws IllegalArgumentException saying what is wrong, so a bad setting stops the gateway at startup
     */
    public URI baseUri(String baseUrl) {
        URI uri;
        try {
            uri = new URI(baseUrl.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the " + name + " service's URL is not a URL: " + baseUrl, e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("the " + name + " service's URL must start with http:// or https://: " + baseUrl);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the " + name + " service's URL has no host: " + baseUrl);
        }
        boolean hasPath = uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !"/".equals(uri.getRawPath());
        if (hasPath || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("the " + name + " service's URL must be scheme, host and port only: " + baseUrl);
        }
        return uri;
    }
}

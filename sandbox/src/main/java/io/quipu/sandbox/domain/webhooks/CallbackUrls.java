package io.quipu.sandbox.domain.webhooks;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

import io.quipu.sandbox.domain.Violation;

/** What a callback URL must be: absolute http or https with a host, at most {@value #MAX_LENGTH} characters. */
public final class CallbackUrls {

    public static final int MAX_LENGTH = 2_000;

    private CallbackUrls() {
    }

    /** A violation of field {@code field}; empty when the URL is absent (optional) or fine. */
    public static Optional<Violation> check(String field, String url) {
        if (url == null) {
            return Optional.empty();
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of(new Violation(field, "too_long", "must be at most " + MAX_LENGTH + " characters"));
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && uri.getRawUserInfo() == null) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        return Optional.of(new Violation(field, "invalid_url", "must be an absolute http or https URL with a host"));
    }
}

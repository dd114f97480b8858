package io.quipu.gateway.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Content-Security-Policy headers. The web app is a Vite build served from the gateway's own origin: scripts,
 * styles and API calls all come from {@code 'self'}, nothing may frame it. Swagger UI sets inline styles and shows
 * {@code data:} images, so its pages get a policy of their own.
 *
 * @param contentSecurityPolicy          every response but Swagger UI's
 * @param swaggerUiContentSecurityPolicy {@code /swagger-ui/**} and {@code /swagger-ui.html}
 */
@ConfigurationProperties("quipu.gateway.headers")
public record SecurityHeadersProperties(
        @DefaultValue("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
        String contentSecurityPolicy,
        @DefaultValue("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
                + "frame-ancestors 'none'")
        String swaggerUiContentSecurityPolicy) {
}

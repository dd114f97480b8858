package io.quipu.gateway.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the gateway waits for a service before answering 503 itself. The base URLs of the services are
 * {@code quipu.services.<name>.url}.
 *
 * @param connectTimeout  to open a connection to a service
 * @param responseTimeout for the whole exchange with a service, until its response body has been read: with the JDK
 *                        HTTP client, Spring's read timeout cancels the exchange then, even mid-body
 * @param streamTimeout   the same for a request that accepts {@code text/event-stream} (Server-Sent Events): longer
 *                        than the longest a service keeps a stream open, since the browser reconnects anyway
 */
@ConfigurationProperties("quipu.gateway")
public record GatewayProperties(
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("30s") Duration responseTimeout,
        @DefaultValue("1h") Duration streamTimeout) {

    public GatewayProperties {
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("quipu.gateway.connect-timeout must be positive: " + connectTimeout);
        }
        if (responseTimeout.isNegative() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("quipu.gateway.response-timeout must be positive: " + responseTimeout);
        }
        if (streamTimeout.compareTo(responseTimeout) < 0 || streamTimeout.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("quipu.gateway.stream-timeout must be from the response timeout to 24 h: "
                    + streamTimeout);
        }
    }
}

package io.quipu.gateway.config;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.cloud.gateway.server.mvc.handler.RestClientProxyExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.function.ServerRequest;

/**
 * The HTTP clients the gateway proxies with. Built from Boot's {@link RestClient.Builder}, so every proxied request is
 * observed and carries the W3C {@code traceparent} of the gateway's span; with its own timeouts, so a service that is
 * down or stuck costs a client seconds, not a hung connection. A request for Server-Sent Events goes through a client
 * whose timeout is the stream timeout instead: the exchange lasts as long as the stream (Spring Cloud Gateway already
 * flushes each piece of a {@code text/event-stream} body as it comes).
 */
@Configuration(proxyBeanMethods = false)
public class ProxyConfiguration {

    /** Replaces Spring Cloud Gateway's default proxy exchange, which has no timeouts of its own. */
    @Bean
    ProxyExchange proxyExchange(RestClient.Builder restClientBuilder,
            ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
            ObjectProvider<HttpClientSettings> httpClientSettings, GatewayProperties properties,
            GatewayMvcProperties gatewayMvcProperties) {
        ClientHttpRequestFactoryBuilder<?> factoryBuilder = requestFactoryBuilder.getIfAvailable(ClientHttpRequestFactoryBuilder::detect);
        HttpClientSettings defaults = httpClientSettings.getIfAvailable(HttpClientSettings::defaults);
        ProxyExchange exchange = proxy(restClientBuilder, factoryBuilder, defaults, properties.connectTimeout(),
                properties.responseTimeout(), gatewayMvcProperties);
        ProxyExchange streamExchange = proxy(restClientBuilder, factoryBuilder, defaults, properties.connectTimeout(),
                properties.streamTimeout(), gatewayMvcProperties);
        return request -> acceptsEventStream(request.getServerRequest())
                ? streamExchange.exchange(request) : exchange.exchange(request);
    }

    static boolean acceptsEventStream(ServerRequest request) {
        return request.headers().accept().stream().anyMatch(MediaType.TEXT_EVENT_STREAM::equalsTypeAndSubtype);
    }

    private static ProxyExchange proxy(RestClient.Builder restClientBuilder, ClientHttpRequestFactoryBuilder<?> factoryBuilder,
            HttpClientSettings defaults, Duration connectTimeout, Duration readTimeout, GatewayMvcProperties gatewayMvcProperties) {
        // Boot's settings (spring.http.clients.*: SSL bundle, ...) with the gateway's own timeouts.
        HttpClientSettings settings = defaults.withTimeouts(connectTimeout, readTimeout)
                // A redirect is the client's to follow: the gateway passes it on.
                .withRedirects(HttpRedirects.DONT_FOLLOW);
        // clone(): the builder is shared, and each client gets its own request factory.
        RestClient restClient = restClientBuilder.clone().requestFactory(requestFactory(factoryBuilder, settings)).build();
        return new RestClientProxyExchange(restClient, gatewayMvcProperties);
    }

    private static ClientHttpRequestFactory requestFactory(ClientHttpRequestFactoryBuilder<?> builder, HttpClientSettings settings) {
        if (builder instanceof JdkClientHttpRequestFactoryBuilder jdk) {
            // Plain HTTP/1.1 to the services: the JDK client would otherwise ask every service to upgrade to h2c.
            return jdk.withHttpClientCustomizer(client -> client.version(HttpClient.Version.HTTP_1_1)).build(settings);
        }
        return builder.build(settings);
    }
}

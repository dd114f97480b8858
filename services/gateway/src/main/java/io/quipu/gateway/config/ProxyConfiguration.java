package io.quipu.gateway.config;

import java.net.http.HttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.handler.RestClientProxyExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The HTTP client the gateway proxies with. Built from Boot's {@link RestClient.Builder}, so every proxied request is
 * observed and carries the W3C {@code traceparent} of the gateway's span; with its own timeouts, so a service that is
 * down or stuck costs a client seconds, not a hung connection.
 */
@Configuration(proxyBeanMethods = false)
public class ProxyConfiguration {

    /** Replaces Spring Cloud Gateway's default proxy exchange, which has no timeouts of its own. */
    @Bean
    RestClientProxyExchange restClientProxyExchange(RestClient.Builder restClientBuilder,
            ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
            ObjectProvider<HttpClientSettings> httpClientSettings, GatewayProperties properties,
            GatewayMvcProperties gatewayMvcProperties) {
        // Boot's settings (spring.http.clients.*: SSL bundle, ...) with the gateway's own timeouts.
        HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults)
                .withTimeouts(properties.connectTimeout(), properties.responseTimeout())
                // A redirect is the client's to follow: the gateway passes it on.
                .withRedirects(HttpRedirects.DONT_FOLLOW);
        RestClient restClient = restClientBuilder
                .requestFactory(requestFactory(requestFactoryBuilder.getIfAvailable(ClientHttpRequestFactoryBuilder::detect), settings))
                .build();
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

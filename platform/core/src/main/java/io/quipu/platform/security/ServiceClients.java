package io.quipu.platform.security;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * HTTP clients for calls between services: an {@code @HttpExchange} interface from {@code contracts}, a base URL, and the
 * calling service's own client-credentials token (registration {@code spring.security.oauth2.client.registration.<id>}),
 * fetched and renewed by Spring Security. Every call has a time limit.
 */
public class ServiceClients {

    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(60);

    private final RestClient.Builder restClientBuilder;
    private final OAuth2AuthorizedClientManager authorizedClientManager;

    public ServiceClients(RestClient.Builder restClientBuilder, OAuth2AuthorizedClientManager authorizedClientManager) {
        this.restClientBuilder = restClientBuilder;
        this.authorizedClientManager = authorizedClientManager;
    }

    public <T> T create(Class<T> api, String baseUrl, String registrationId, Duration timeout) {
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(restClient(baseUrl, registrationId, timeout)))
                .build()
                .createClient(api);
    }

    public RestClient restClient(String baseUrl, String registrationId, Duration timeout) {
        if (timeout.isZero() || timeout.isNegative() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException("timeout must be between 0 and " + MAX_TIMEOUT);
        }
        OAuth2ClientHttpRequestInterceptor tokens = new OAuth2ClientHttpRequestInterceptor(authorizedClientManager);
        tokens.setClientRegistrationIdResolver(request -> registrationId);
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        requestFactory.setReadTimeout(timeout);
        return restClientBuilder.clone()
                .baseUrl(baseUrl)
                .requestFactory(requestFactory)
                .requestInterceptor(tokens)
                .build();
    }
}

package io.quipu.gateway.config;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springdoc.core.properties.AbstractSwaggerUiConfigProperties.SwaggerUrl;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springframework.beans.factory.config.BeanPostProcessor;

import io.quipu.gateway.domain.BackendService;

/**
 * Lists the gateway's own OpenAPI document and every service's (at {@code /api/<service>/v3/api-docs}) in the Swagger
 * UI, from the same service list as the routes, so a new service appears in both at once.
 */
final class SwaggerUiServiceDocuments implements BeanPostProcessor {

    static final String GATEWAY_DOCUMENT_NAME = "gateway";
    static final String GATEWAY_DOCUMENT_PATH = "/v3/api-docs";

    private final List<BackendService> services;

    SwaggerUiServiceDocuments(List<BackendService> services) {
        this.services = List.copyOf(services);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof SwaggerUiConfigProperties swaggerUi) {
            Set<SwaggerUrl> urls = new LinkedHashSet<>();
            urls.add(new SwaggerUrl(GATEWAY_DOCUMENT_NAME, GATEWAY_DOCUMENT_PATH, GATEWAY_DOCUMENT_NAME));
            for (BackendService service : services) {
                urls.add(new SwaggerUrl(service.name(), service.apiDocsPath(), service.name()));
            }
            // Documents configured by hand (springdoc.swagger-ui.urls) are kept after the generated ones.
            if (swaggerUi.getUrls() != null) {
                urls.addAll(swaggerUi.getUrls());
            }
            swaggerUi.setUrls(urls);
            // Swagger UI lists documents by name; the gateway's is the one it opens first.
            if (swaggerUi.getUrlsPrimaryName() == null) {
                swaggerUi.setUrlsPrimaryName(GATEWAY_DOCUMENT_NAME);
            }
        }
        return bean;
    }
}

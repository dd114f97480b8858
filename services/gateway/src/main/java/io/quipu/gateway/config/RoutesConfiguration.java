package io.quipu.gateway.config;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

import io.quipu.gateway.api.ServiceRoutes;
import io.quipu.gateway.domain.BackendService;
import io.quipu.gateway.domain.BackendServices;

/** The routes to every service of {@link BackendServices}, at the base URLs of {@code quipu.services.<name>.url}. */
@Configuration(proxyBeanMethods = false)
public class RoutesConfiguration {

    @Bean
    RouterFunction<ServerResponse> serviceRoutes(Environment environment) {
        Map<BackendService, URI> baseUris = new LinkedHashMap<>();
        for (BackendService service : BackendServices.ALL) {
            // Read from the environment so QUIPU_SERVICES_<NAME>_URL works as well as the property.
            String baseUrl = environment.getProperty("quipu.services." + service.name() + ".url", service.defaultBaseUrl());
            baseUris.put(service, service.baseUri(baseUrl));
        }
        return ServiceRoutes.of(baseUris);
    }

    /** Every service's OpenAPI document, fetched through the gateway, in the one Swagger UI; the gateway's own first. */
    @Bean
    static BeanPostProcessor swaggerUiServiceDocuments() {
        return new SwaggerUiServiceDocuments(BackendServices.ALL);
    }
}

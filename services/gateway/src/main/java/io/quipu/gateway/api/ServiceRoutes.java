package io.quipu.gateway.api;

import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.stripPrefix;
import static org.springframework.cloud.gateway.server.mvc.filter.BeforeFilterFunctions.uri;
import static org.springframework.cloud.gateway.server.mvc.handler.HandlerFunctions.http;
import static org.springframework.web.servlet.function.RequestPredicates.GET;
import static org.springframework.web.servlet.function.RequestPredicates.path;

import java.net.URI;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.slf4j.MDC;
import org.springframework.cloud.gateway.server.mvc.filter.AfterFilterFunctions;
import org.springframework.cloud.gateway.server.mvc.handler.GatewayRouterFunctions;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import io.quipu.gateway.domain.BackendService;
import io.quipu.platform.observability.RequestIdFilter;

/**
 * The gateway's routes: {@code /api/<service>/**} to each service with the prefix stripped, method, query, headers and
 * body passed on; 503 problem details when the service cannot answer; 404 problem details under {@code /api/} for a
 * service that does not exist.
 */
public final class ServiceRoutes {

    /** {@code /api/<service>} is two path segments. */
    private static final int PREFIX_SEGMENTS = 2;

    private ServiceRoutes() {
    }

    /**
     * @param baseUris every service and the base URL the gateway forwards to, in the order routes are tried
     */
    public static RouterFunction<ServerResponse> of(Map<BackendService, URI> baseUris) {
        RouterFunction<ServerResponse> routes = null;
        for (Map.Entry<BackendService, URI> service : baseUris.entrySet()) {
            RouterFunction<ServerResponse> route = apiDocsRoute(service.getKey(), service.getValue())
                    .and(serviceRoute(service.getKey(), service.getValue()));
            routes = routes == null ? route : routes.and(route);
        }
        RouterFunction<ServerResponse> unknownService = RouterFunctions.route(path("/api/**").or(path("/api")),
                request -> BackendFailures.unknownService(request.path()));
        return routes == null ? unknownService : routes.and(unknownService);
    }

    private static RouterFunction<ServerResponse> serviceRoute(BackendService service, URI baseUri) {
        return GatewayRouterFunctions.route(service.name())
                .route(path(service.routePrefix() + "/**"), http())
                .before(uri(baseUri))
                .before(stripPrefix(PREFIX_SEGMENTS))
                .before(forwardRequestId())
                .after(withoutServiceRequestId())
                .onError(BackendFailures::isUnreachable, (failure, request) -> BackendFailures.unavailable(service, failure))
                .build();
    }

    /** The service's OpenAPI document, with its server set to the gateway's prefix so "Try it out" goes through the gateway. */
    private static RouterFunction<ServerResponse> apiDocsRoute(BackendService service, URI baseUri) {
        return GatewayRouterFunctions.route(service.name() + "-api-docs")
                .route(GET(service.apiDocsPath()), http())
                .before(uri(baseUri))
                .before(stripPrefix(PREFIX_SEGMENTS))
                .before(forwardRequestId())
                .after(withoutServiceRequestId())
                .after(AfterFilterFunctions.modifyResponseBody(byte[].class, byte[].class, null,
                        (request, response, document) -> response.statusCode().is2xxSuccessful()
                                ? OpenApiServers.throughGateway(document, service.routePrefix()) : document))
                .onError(BackendFailures::isUnreachable, (failure, request) -> BackendFailures.unavailable(service, failure))
                .build();
    }

    /**
     * The gateway's response already has the request id (the same one, forwarded): one header, not two. Only a
     * service's response carries it; the gateway's own problem responses have read-only headers.
     */
    private static BiFunction<ServerRequest, ServerResponse, ServerResponse> withoutServiceRequestId() {
        return (request, response) -> {
            if (response.headers().containsHeader(RequestIdFilter.HEADER)) {
                response.headers().remove(RequestIdFilter.HEADER);
            }
            return response;
        };
    }

    /**
     * The request id the platform's filter settled on (the client's, when it was acceptable, or a new one), so the
     * gateway's and the service's log lines of one request share it.
     */
    private static Function<ServerRequest, ServerRequest> forwardRequestId() {
        return request -> {
            String requestId = MDC.get(RequestIdFilter.MDC_KEY);
            if (requestId == null) {
                return request;
            }
            return ServerRequest.from(request).headers(headers -> headers.set(RequestIdFilter.HEADER, requestId)).build();
        };
    }
}

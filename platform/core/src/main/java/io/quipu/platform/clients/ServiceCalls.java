package io.quipu.platform.clients;

import java.util.function.Supplier;

import org.springframework.security.oauth2.client.ClientAuthorizationException;
import org.springframework.web.client.HttpStatusCodeException;
import org.springframework.web.client.ResourceAccessException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls to another Quipu service through a {@code ServiceClients} client: a service that does not answer, answers 5xx,
 * or whose token cannot be had (identity's token endpoint down) is {@link ProviderUnavailableException} — a passing
 * failure the caller retries later; a 4xx stays an {@link HttpStatusCodeException} for the caller to read.
 */
public final class ServiceCalls {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ServiceCalls() {
    }

    public static <T> T call(String service, Supplier<T> call) {
        try {
            return call.get();
        } catch (HttpStatusCodeException refused) {
            if (refused.getStatusCode().is5xxServerError()) {
                throw new ProviderUnavailableException(service, "status " + refused.getStatusCode().value(), refused);
            }
            throw refused;
        } catch (ResourceAccessException | ClientAuthorizationException down) {
            throw new ProviderUnavailableException(service, down.getMessage(), down);
        }
    }

    /** The RFC 9457 problem a service answered (an empty object when the body is not JSON). */
    public static JsonNode problem(HttpStatusCodeException refused) {
        try {
            return JSON.readTree(refused.getResponseBodyAsByteArray());
        } catch (RuntimeException notJson) {
            return JSON.createObjectNode();
        }
    }

    /** The problem's {@code code}, or "none". */
    public static String problemCode(HttpStatusCodeException refused) {
        String code = problem(refused).path("code").asString("");
        return code.isEmpty() ? "none" : code;
    }
}

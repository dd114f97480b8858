package io.quipu.gateway.api;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Points an OpenAPI document's {@code servers} at the gateway. A service describes itself at its own address, which a
 * browser on the Swagger UI of the gateway cannot call; the relative {@code /api/<service>} resolves against the
 * gateway the document was fetched from.
 */
final class OpenApiServers {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** API documents are tens of kilobytes; anything far bigger is passed on untouched rather than parsed. */
    private static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

    private OpenApiServers() {
    }

    static byte[] throughGateway(byte[] document, String routePrefix) {
        if (document == null || document.length == 0 || document.length > MAX_DOCUMENT_BYTES) {
            return document;
        }
        try {
            JsonNode root = JSON.readTree(document);
            if (!(root instanceof ObjectNode openApi) || !openApi.has("openapi")) {
                return document;
            }
            ArrayNode servers = openApi.putArray("servers");
            servers.addObject().put("url", routePrefix).put("description", "through the Quipu gateway");
            return JSON.writeValueAsBytes(openApi);
        } catch (JacksonException e) {
            // Not JSON (a YAML document, an error page): the client gets what the service sent.
            return document;
        }
    }
}

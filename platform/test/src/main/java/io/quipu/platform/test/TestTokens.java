package io.quipu.platform.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for the identity service's token endpoint in service tests: it signs JWTs with its own RSA key and
 * publishes the key as a JWKS over HTTP, so services validate tokens exactly as in production (signature, issuer,
 * audience, expiry), only with a key that tests hold.
 */
public final class TestTokens {

    public static final String ISSUER = "http://quipu-test-issuer";
    private static TestTokens instance;

    private final RSAKey signingKey;
    private final RSAKey foreignKey;
    private final HttpServer server;

    private TestTokens() {
        try {
            this.signingKey = new RSAKeyGenerator(2048).keyID("test-key-" + UUID.randomUUID()).generate();
            this.foreignKey = new RSAKeyGenerator(2048).keyID("foreign-key").generate();
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            byte[] jwks = new JWKSet(signingKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            server.createContext("/token", this::clientCredentials);
            server.start();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static synchronized TestTokens get() {
        if (instance == null) {
            instance = new TestTokens();
        }
        return instance;
    }

    public String tokenUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /**
     * A client-credentials token endpoint (RFC 6749 §4.4) like the identity service's: any client id with the secret
     * {@code secret}; the audience is the set of services named by the scopes ({@code ledger:write} → {@code ledger}).
     */
    private void clientCredentials(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> parameters = new java.util.HashMap<>();
        for (String pair : form.split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(java.net.URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? java.net.URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String clientId = null;
        if (authorization != null && authorization.startsWith("Basic ")) {
            String[] credentials = new String(java.util.Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8)
                    .split(":", 2);
            if (credentials.length == 2 && credentials[1].equals("secret")) {
                clientId = credentials[0];
            }
        }
        byte[] body;
        int status;
        if (clientId == null || !"client_credentials".equals(parameters.get("grant_type"))) {
            status = 401;
            body = "{\"error\":\"invalid_client\"}".getBytes(StandardCharsets.UTF_8);
        } else {
            String[] scopes = parameters.getOrDefault("scope", "").isBlank() ? new String[0] : parameters.get("scope").split(" ");
            List<String> audiences = java.util.Arrays.stream(scopes).map(scope -> scope.split(":")[0]).distinct().toList();
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(clientId).audience(audiences)
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                    .jwtID(UUID.randomUUID().toString()).claim("scope", String.join(" ", scopes)).claim("client_id", clientId).build();
            status = 200;
            body = ("{\"access_token\":\"" + sign(claims, signingKey) + "\",\"token_type\":\"Bearer\",\"expires_in\":600,"
                    + "\"scope\":\"" + String.join(" ", scopes) + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream output = exchange.getResponseBody()) {
            output.write(body);
        }
    }

    public String jwkSetUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
    }

    /** A customer's access token: subject = the customer id, scopes as the web app gets them. */
    public String customer(UUID customerId, String audience, String... scopes) {
        return sign(builder(customerId.toString(), audience, scopes).claim("customer_id", customerId.toString()).build(), signingKey);
    }

    /** A service's client-credentials token. */
    public String service(String clientId, String audience, String... scopes) {
        return sign(builder(clientId, audience, scopes).claim("client_id", clientId).build(), signingKey);
    }

    /** A staff member's token with roles (teller, analyst, auditor, admin). */
    public String staff(String username, String audience, List<String> roles, String... scopes) {
        return sign(builder(username, audience, scopes).claim("roles", roles).build(), signingKey);
    }

    /** Any claims, for tests of rejected tokens (expired, wrong audience, wrong issuer). */
    public String custom(Map<String, Object> claims, boolean signedByForeignKey) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        claims.forEach(builder::claim);
        return sign(builder.build(), signedByForeignKey ? foreignKey : signingKey);
    }

    private static JWTClaimsSet.Builder builder(String subject, String audience, String... scopes) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(subject)
                .audience(audience)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))))
                .jwtID(UUID.randomUUID().toString())
                .claim("scope", String.join(" ", scopes));
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.quipu.gateway.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quipu.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The identity service's login endpoints as the contracts describe them ({@code LoginChallenge}, {@code TokenResponse},
 * {@code RefreshRequest}), on a free port, with access tokens signed by {@link TestTokens}: password
 * {@value #PASSWORD}, code {@value #OTP}; refresh tokens rotate on every use and a spent one is refused.
 */
final class IdentityStandIn implements AutoCloseable {

    static final String PASSWORD = "right-password-2026";
    static final String OTP = "123456";
    static final String CUSTOMER_ID = "0193c0de-0000-7000-8000-000000000001";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** What the stand-in accepts as a device's signature: identity itself verifies real WebAuthn assertions. */
    static final String PASSKEY_SIGNATURE = "signed-by-the-device";
    static final String PASSKEY_CHALLENGE = "c3RhbmQtaW4tY2hhbGxlbmdl";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Set<String> pendingLogins = ConcurrentHashMap.newKeySet();
    private final AtomicInteger refreshTokenNumber = new AtomicInteger();
    private final List<String> issuedAccessTokens = new CopyOnWriteArrayList<>();
    private final List<String> refreshTokensIssued = new CopyOnWriteArrayList<>();
    private final List<String> refreshTokensReceived = new CopyOnWriteArrayList<>();
    private final List<String> logoutTokensReceived = new CopyOnWriteArrayList<>();
    private final List<String> loginUsernames = new CopyOnWriteArrayList<>();
    private volatile String validRefreshToken;
    private volatile long firstAccessTokenLifetimeSeconds = 600;
    private volatile long refreshedAccessTokenLifetimeSeconds = 600;
    private volatile boolean refuseRefresh;
    private volatile boolean failRefresh;

    IdentityStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Back to the defaults: tokens for 10 minutes, refreshes accepted, nothing recorded. */
    void reset() {
        firstAccessTokenLifetimeSeconds = 600;
        refreshedAccessTokenLifetimeSeconds = 600;
        refuseRefresh = false;
        failRefresh = false;
        issuedAccessTokens.clear();
        refreshTokensIssued.clear();
        refreshTokensReceived.clear();
        logoutTokensReceived.clear();
        loginUsernames.clear();
    }

    void accessTokenLifetimes(long firstSeconds, long refreshedSeconds) {
        firstAccessTokenLifetimeSeconds = firstSeconds;
        refreshedAccessTokenLifetimeSeconds = refreshedSeconds;
    }

    void refuseRefresh() {
        refuseRefresh = true;
    }

    /** Answers refreshes with 500, as an identity with its database down would. */
    void failRefresh(boolean failing) {
        failRefresh = failing;
    }

    List<String> issuedAccessTokens() {
        return List.copyOf(issuedAccessTokens);
    }

    List<String> refreshTokensIssued() {
        return List.copyOf(refreshTokensIssued);
    }

    List<String> refreshTokensReceived() {
        return List.copyOf(refreshTokensReceived);
    }

    List<String> logoutTokensReceived() {
        return List.copyOf(logoutTokensReceived);
    }

    List<String> loginUsernames() {
        return List.copyOf(loginUsernames);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            switch (exchange.getRequestURI().getPath()) {
                case "/auth/login" -> {
                    loginUsernames.add(body.path("username").asString());
                    if (!PASSWORD.equals(body.path("password").asString())) {
                        problem(exchange, 401, "invalid_credentials", "The username or the password is wrong.");
                        return;
                    }
                    String loginId = UUID.randomUUID().toString();
                    pendingLogins.add(loginId);
                    respond(exchange, 200, Map.of("loginId", loginId, "requireMfa", true, "factors", List.of("otp", "passkey")));
                }
                case "/auth/verify-otp" -> {
                    if (!pendingLogins.contains(body.path("loginId").asString())) {
                        problem(exchange, 401, "login_expired", "The login has expired; start again.");
                    } else if (!OTP.equals(body.path("otp").asString())) {
                        problem(exchange, 401, "invalid_otp", "The code is wrong; 4 tries left.");
                    } else {
                        pendingLogins.remove(body.path("loginId").asString());
                        respond(exchange, 200, tokens(firstAccessTokenLifetimeSeconds));
                    }
                }
                case "/auth/passkeys/assertion/options" -> {
                    if (!pendingLogins.contains(body.path("loginId").asString())) {
                        problem(exchange, 401, "login_expired", "The login has expired; start again.");
                    } else {
                        respond(exchange, 200, Map.of("challengeId", UUID.randomUUID().toString(), "publicKey",
                                Map.of("challenge", PASSKEY_CHALLENGE, "rpId", "localhost", "userVerification", "required")));
                    }
                }
                case "/auth/passkeys/assertion" -> {
                    String loginId = body.path("loginId").asString();
                    if (!pendingLogins.contains(loginId)) {
                        problem(exchange, 401, "login_expired", "The login has expired; start again.");
                    } else if (!PASSKEY_SIGNATURE.equals(body.path("credential").path("response").path("signature").asString())) {
                        problem(exchange, 401, "invalid_passkey", "The passkey could not be verified.");
                    } else {
                        pendingLogins.remove(loginId);
                        respond(exchange, 200, tokens(firstAccessTokenLifetimeSeconds));
                    }
                }
                case "/auth/refresh" -> {
                    String presented = body.path("refreshToken").asString();
                    refreshTokensReceived.add(presented);
                    if (failRefresh) {
                        problem(exchange, 500, "internal_error", "Something went wrong on our side.");
                    } else if (refuseRefresh || !presented.equals(validRefreshToken)) {
                        problem(exchange, 401, "invalid_refresh_token", "The refresh token is not valid.");
                    } else {
                        respond(exchange, 200, tokens(refreshedAccessTokenLifetimeSeconds));
                    }
                }
                case "/auth/logout" -> {
                    logoutTokensReceived.add(body.path("refreshToken").asString());
                    validRefreshToken = null;
                    exchange.sendResponseHeaders(204, -1);
                }
                default -> problem(exchange, 404, "not_found", "Not found.");
            }
        }
    }

    /** A {@code TokenResponse}: a new access token, and the next refresh token (the one presented is spent). */
    private Map<String, Object> tokens(long accessTokenLifetimeSeconds) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", TestTokens.ISSUER);
        claims.put("sub", CUSTOMER_ID);
        claims.put("aud", List.of("gateway", "ledger"));
        claims.put("iat", now);
        claims.put("exp", now + accessTokenLifetimeSeconds);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("customer_id", CUSTOMER_ID);
        claims.put("scope", "ledger:read ledger:write");
        String accessToken = TestTokens.get().custom(claims, false);
        issuedAccessTokens.add(accessToken);
        String refreshToken = "refresh-" + refreshTokenNumber.incrementAndGet();
        validRefreshToken = refreshToken;
        refreshTokensIssued.add(refreshToken);
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("accessToken", accessToken);
        response.put("tokenType", "Bearer");
        response.put("expiresInSeconds", accessTokenLifetimeSeconds);
        response.put("refreshToken", refreshToken);
        response.put("refreshExpiresInSeconds", 2_592_000);
        response.put("scope", "ledger:read ledger:write");
        return response;
    }

    private static void problem(HttpExchange exchange, int status, String code, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("status", status);
        problem.put("code", code);
        problem.put("detail", detail);
        byte[] bytes = JSON.writeValueAsBytes(problem);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}

package io.quipu.gateway.clients;

import java.util.Map;
import java.util.UUID;

import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import io.quipu.contracts.identity.LoginChallenge;
import tools.jackson.databind.JsonNode;
import io.quipu.contracts.identity.LoginRequest;
import io.quipu.contracts.identity.RefreshRequest;
import io.quipu.contracts.identity.TokenResponse;
import io.quipu.contracts.identity.VerifyOtpRequest;

/**
 * The identity service's login endpoints ({@code /auth/*}), called by the gateway on behalf of the web app. These
 * endpoints need no token: the password, the code or the refresh token is the credential. Nothing here logs a
 * request or a response body.
 */
public class IdentityAuthClient {

    private static final Logger log = LoggerFactory.getLogger(IdentityAuthClient.class);
    /** Identity's problems are a few hundred bytes; more than this is cut rather than held in memory. */
    private static final int MAX_REFUSAL_BYTES = 16 * 1024;

    private final RestClient restClient;

    /** @param restClient with identity's base URL and time limits */
    public IdentityAuthClient(RestClient restClient) {
        this.restClient = restClient;
    }

    public LoginChallenge login(LoginRequest request, String callerAddress) {
        return post("/auth/login", request, callerAddress, LoginChallenge.class);
    }

    public TokenResponse verifyOtp(VerifyOtpRequest request, String callerAddress) {
        return post("/auth/verify-otp", request, callerAddress, TokenResponse.class);
    }

    /** WebAuthn request options for the login's passkey step: {@code {challengeId, publicKey}}, passed on as they are. */
    public JsonNode passkeyOptions(UUID loginId, String callerAddress) {
        return post("/auth/passkeys/assertion/options", Map.of("loginId", loginId), callerAddress, JsonNode.class);
    }

    /** The browser's signed assertion, checked by identity; tokens when it holds. */
    public TokenResponse passkeyAssertion(UUID loginId, JsonNode credential, String callerAddress) {
        return post("/auth/passkeys/assertion", Map.of("loginId", loginId, "credential", credential), callerAddress,
                TokenResponse.class);
    }

    public TokenResponse refresh(RefreshRequest request, String callerAddress) {
        return post("/auth/refresh", request, callerAddress, TokenResponse.class);
    }

    /** Revokes the refresh token's family. Identity answers 204 whatever the token was. */
    public void logout(RefreshRequest request, String callerAddress) {
        post("/auth/logout", request, callerAddress, Void.class);
    }

    private <T> T post(String path, Object body, String callerAddress, Class<T> answerType) {
        try {
            return restClient.post()
                    .uri(path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
                    // Identity records where a login came from (fraud rules); behind the gateway that is the browser.
                    .headers(headers -> headers.set("X-Forwarded-For", callerAddress))
                    .body(body)
                    .exchange((HttpRequest clientRequest, RestClient.RequestHeadersSpec.ConvertibleClientHttpResponse response) -> {
                        if (response.getStatusCode().is2xxSuccessful()) {
                            return answerType == Void.class ? null : requireBody(response.bodyTo(answerType), path);
                        }
                        if (response.getStatusCode().is4xxClientError()) {
                            throw new IdentityRefusedException(response.getStatusCode(),
                                    response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE),
                                    readAtMost(response.getBody(), MAX_REFUSAL_BYTES),
                                    response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
                        }
                        log.warn("identity answered {} {} with {}", "POST", path, response.getStatusCode().value());
                        throw new IdentityUnavailableException();
                    });
        } catch (RestClientException e) {
            // Refused, timed out, or an answer that is not the contract's JSON: the reason, not the body.
            log.warn("identity unavailable for POST {}: {}", path, e.getClass().getSimpleName());
            throw new IdentityUnavailableException();
        }
    }

    private static <T> T requireBody(T body, String path) {
        if (body == null) {
            log.warn("identity answered POST {} without a body", path);
            throw new IdentityUnavailableException();
        }
        return body;
    }

    private static byte[] readAtMost(InputStream body, int maxBytes) throws IOException {
        return body.readNBytes(maxBytes);
    }
}

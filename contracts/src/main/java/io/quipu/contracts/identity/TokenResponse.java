package io.quipu.contracts.identity;

/**
 * Tokens after a complete login or a refresh. {@code accessToken}: a signed JWT (RS256) for {@code expiresInSeconds};
 * {@code refreshToken}: opaque, 30 days, valid for one use only (every refresh returns a new one).
 */
public record TokenResponse(String accessToken, String tokenType, long expiresInSeconds, String refreshToken,
                            long refreshExpiresInSeconds, String scope) {
}

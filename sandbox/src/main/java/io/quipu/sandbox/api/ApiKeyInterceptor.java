package io.quipu.sandbox.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

import io.quipu.platform.web.ApiException;

/** Refuses calls to a simulated provider without its {@code X-Api-Key}, like a real provider: 401 problem details. */
public class ApiKeyInterceptor implements HandlerInterceptor {

    public static final String HEADER = "X-Api-Key";

    private final byte[] expectedKey;

    public ApiKeyInterceptor(String expectedKey) {
        this.expectedKey = expectedKey.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String given = request.getHeader(HEADER);
        // Compared in constant time: the sandbox should teach clients what a real provider does.
        if (given == null || !MessageDigest.isEqual(expectedKey, given.getBytes(StandardCharsets.UTF_8))) {
            response.setHeader("WWW-Authenticate", "ApiKey header=\"" + HEADER + "\"");
            throw new ApiException(HttpStatus.UNAUTHORIZED, given == null ? "missing_api_key" : "invalid_api_key",
                    given == null ? "The " + HEADER + " header is required." : "The " + HEADER + " header is not a valid key.");
        }
        return true;
    }
}

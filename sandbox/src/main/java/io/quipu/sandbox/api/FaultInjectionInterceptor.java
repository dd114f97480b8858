package io.quipu.sandbox.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;

import io.quipu.platform.web.ApiException;
import io.quipu.sandbox.domain.faults.Fault;
import io.quipu.sandbox.domain.faults.FaultBook;
import io.quipu.sandbox.domain.faults.FaultMode;
import io.quipu.sandbox.domain.faults.Provider;

/**
 * Makes a simulated provider misbehave as set at {@code /sandbox/faults}: one place for all of them, chosen by the
 * path prefix, so that the services' timeouts, retries and circuit breakers can be proven against any provider.
 */
public class FaultInjectionInterceptor implements HandlerInterceptor {

    /** How long a client should wait before trying a provider that is down again, as real providers say. */
    private static final String RETRY_AFTER_SECONDS = "1";

    private final FaultBook faultBook;

    public FaultInjectionInterceptor(FaultBook faultBook) {
        this.faultBook = faultBook;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Provider provider = Provider.ofPath(request.getRequestURI().substring(request.getContextPath().length())).orElse(null);
        if (provider == null) {
            return true;
        }
        Fault fault = faultBook.takeFor(provider).orElse(null);
        if (fault == null) {
            return true;
        }
        if (fault.mode() == FaultMode.DOWN) {
            response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "provider_unavailable",
                    "The " + provider.apiName() + " provider is unavailable (a fault injected in the sandbox).");
        }
        sleep(fault.delayMillis());
        return true;
    }

    private static void sleep(long delayMillis) {
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            // Shutting down: answer now rather than keep the thread.
            Thread.currentThread().interrupt();
        }
    }
}

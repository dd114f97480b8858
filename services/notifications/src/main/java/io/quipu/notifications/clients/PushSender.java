package io.quipu.notifications.clients;

import java.util.Map;

import io.quipu.notifications.domain.DeliveryFailure;
import io.quipu.platform.clients.ProviderEndpoint;
import io.quipu.platform.clients.ProviderUnavailableException;

/**
 * Push notifications through the provider's API (FCM-like: {@code POST /push/v1/messages}, {@code X-Api-Key}; the
 * sandbox locally), behind the platform's provider endpoint (time limit, circuit breaker). Neither the token nor the
 * text is logged.
 */
public class PushSender {

    /** The provider's code for a token it no longer knows (the app was removed): the device must be forgotten. */
    public static final String UNREGISTERED = "unregistered";

    public enum Outcome { DELIVERED, UNREGISTERED }

    private final ProviderEndpoint provider;

    public PushSender(ProviderEndpoint provider) {
        this.provider = provider;
    }

    public String circuitBreakerState() {
        return provider.circuitBreakerState();
    }

    /**
     * @param data small key-value pairs for the app (the notification's id, so that it can drop a repeat)
     * @throws DeliveryFailure passing when the provider is unavailable, permanent when it refuses the message
     */
    public Outcome send(String token, String title, String body, Map<String, String> data) {
        ProviderEndpoint.Answer answer;
        try {
            answer = provider.postJson("/push/v1/messages", Map.of("token", token, "title", title, "body", body, "data", data));
        } catch (ProviderUnavailableException e) {
            throw DeliveryFailure.passing("push_unavailable", e.getMessage(), null);
        }
        if (answer.isSuccess()) {
            return Outcome.DELIVERED;
        }
        if (answer.status() == 404 && UNREGISTERED.equals(provider.problemCode(answer))) {
            return Outcome.UNREGISTERED;
        }
        throw DeliveryFailure.permanent("push_refused", "the push provider refused the message: status " + answer.status()
                + ", code " + provider.problemCode(answer));
    }
}

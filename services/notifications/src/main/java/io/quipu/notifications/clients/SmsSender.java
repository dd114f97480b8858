package io.quipu.notifications.clients;

import java.util.Map;

import io.quipu.notifications.domain.DeliveryFailure;
import io.quipu.platform.clients.ProviderEndpoint;
import io.quipu.platform.clients.ProviderUnavailableException;

/**
 * SMS through the provider's API ({@code POST /sms/v1/messages}, {@code X-Api-Key}; the sandbox locally), behind the
 * platform's provider endpoint (time limit, circuit breaker). The text is never logged.
 */
public class SmsSender {

    /** E.164: a plus and up to 15 digits. */
    private static final String PHONE = "\\+[1-9][0-9]{6,14}";

    private final ProviderEndpoint provider;

    public SmsSender(ProviderEndpoint provider) {
        this.provider = provider;
    }

    public String circuitBreakerState() {
        return provider.circuitBreakerState();
    }

    /** @throws DeliveryFailure permanent for a number that is not one or a refused message, passing when unavailable */
    public void send(String phone, String text) {
        if (phone == null || !phone.matches(PHONE)) {
            throw DeliveryFailure.permanent("invalid_phone", "the customer's phone number is not in E.164 form");
        }
        ProviderEndpoint.Answer answer;
        try {
            answer = provider.postJson("/sms/v1/messages", Map.of("to", phone, "text", text, "sender", "QUIPU"));
        } catch (ProviderUnavailableException e) {
            throw DeliveryFailure.passing("sms_unavailable", e.getMessage(), null);
        }
        if (!answer.isSuccess()) {
            throw DeliveryFailure.permanent("sms_refused", "the SMS provider refused the message: status "
                    + answer.status() + ", code " + provider.problemCode(answer));
        }
    }
}

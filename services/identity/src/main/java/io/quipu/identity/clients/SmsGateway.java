package io.quipu.identity.clients;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sends SMS through the provider's HTTP API ({@code POST /sms/v1/messages}, {@code X-Api-Key}); locally the sandbox
 * plays the provider. Each try has a time limit, and failures that may pass (network errors, 429, 5xx) are retried a
 * bounded number of times with a growing pause. The text is never logged: it holds a one-time password.
 */
public class SmsGateway {

    private static final Logger log = LoggerFactory.getLogger(SmsGateway.class);

    private final HttpClient client;
    private final URI messagesUri;
    private final String apiKey;
    private final Duration timeout;
    private final int maxAttempts;
    private final Duration firstRetryPause;
    private final JsonMapper json;

    public SmsGateway(String baseUrl, String apiKey, Duration timeout, int maxAttempts, Duration firstRetryPause, JsonMapper json) {
        if (maxAttempts < 1 || maxAttempts > 5) {
            throw new IllegalArgumentException("maxAttempts must be 1 to 5");
        }
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.messagesUri = URI.create(baseUrl.replaceAll("/+$", "") + "/sms/v1/messages");
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.maxAttempts = maxAttempts;
        this.firstRetryPause = firstRetryPause;
        this.json = json;
    }

    /** Sends the text; throws {@link SmsDeliveryException} when the provider did not accept it after every try. */
    public void send(String phone, String text) {
        byte[] body = json.writeValueAsBytes(Map.of("to", phone, "text", text, "sender", "QUIPU"));
        HttpRequest request = HttpRequest.newBuilder(messagesUri)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("X-Api-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        String lastProblem = "not tried";
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return;
                }
                lastProblem = "status " + status;
                if (status != 429 && status < 500) {
                    break; // the provider refused this message (key, number): trying again changes nothing
                }
            } catch (IOException e) {
                lastProblem = e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SmsDeliveryException("interrupted");
            }
            if (attempt < maxAttempts) {
                log.warn("SMS provider try {} of {} failed ({}), retrying", attempt, maxAttempts, lastProblem);
                pause(firstRetryPause.multipliedBy(attempt));
            }
        }
        throw new SmsDeliveryException(lastProblem);
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsDeliveryException("interrupted");
        }
    }

    public static class SmsDeliveryException extends RuntimeException {
        public SmsDeliveryException(String problem) {
            super("the SMS provider did not accept the message: " + problem);
        }
    }
}

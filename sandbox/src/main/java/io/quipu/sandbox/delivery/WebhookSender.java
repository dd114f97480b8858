package io.quipu.sandbox.delivery;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quipu.sandbox.domain.webhooks.RetrySchedule;
import io.quipu.sandbox.domain.webhooks.WebhookSignatures;

/**
 * POSTs the simulated networks' notifications to the clients' callback URLs, signed with HMAC-SHA256 in a header;
 * a non-2xx answer or a connection error is retried as {@link RetrySchedule} says, then given up (the client polls).
 * At most {@code capacity} notifications are in flight or waiting for a retry: beyond that new ones are dropped and
 * logged, so a dead receiver cannot exhaust memory. Shared by the clearing house and the SWIFT-like network.
 */
public final class WebhookSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final RetrySchedule retries;
    private final int capacity;
    private final AtomicInteger pending = new AtomicInteger();
    private final ScheduledExecutorService scheduler;
    private final HttpClient client;

    public WebhookSender(RetrySchedule retries, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.retries = retries;
        this.capacity = capacity;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sandbox-webhooks");
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).executor(scheduler)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** One notification: where, the exact body, the header carrying the signature and the secret that signs it. */
    public record Notification(URI url, byte[] body, String signatureHeader, String secret) {
    }

    /** Queues the notification; false when too many are pending (it is dropped). */
    public boolean send(Notification notification) {
        if (pending.incrementAndGet() > capacity) {
            pending.decrementAndGet();
            log.warn("webhook to {} dropped: {} notifications pending", notification.url(), capacity);
            return false;
        }
        try {
            scheduler.execute(() -> attempt(notification, 0));
        } catch (RuntimeException e) {
            pending.decrementAndGet();
            log.warn("webhook to {} dropped: the sender is stopped", notification.url());
            return false;
        }
        return true;
    }

    /** Notifications in flight or waiting for a retry. */
    public int pending() {
        return pending.get();
    }

    private void attempt(Notification notification, int retriesDone) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(notification.url())
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header(notification.signatureHeader(), WebhookSignatures.sign(notification.secret(), notification.body()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(notification.body()))
                    .build();
        } catch (RuntimeException e) {
            pending.decrementAndGet();
            log.warn("webhook to {} not sent: {}", notification.url(), e.toString());
            return;
        }
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure == null && response.statusCode() / 100 == 2) {
                pending.decrementAndGet();
                return;
            }
            String why = failure != null ? failure.toString() : "status " + response.statusCode();
            int retry = retriesDone + 1;
            Duration pause = retries.pauseBefore(retry).orElse(null);
            if (pause == null) {
                pending.decrementAndGet();
                log.info("webhook to {} given up after {} retries: {}", notification.url(), retriesDone, why);
                return;
            }
            log.debug("webhook to {} failed ({}), retry {} in {}", notification.url(), why, retry, pause);
            try {
                scheduler.schedule(() -> attempt(notification, retry), pause.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RuntimeException e) {
                pending.decrementAndGet();
            }
        });
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}

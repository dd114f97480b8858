package io.quipu.identity.clients;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an SMS after the request that asked for it has been answered, for answers that must not take longer for some
 * callers than for others: a password reset answers an unknown username at once, so a real user's answer must not wait
 * for the provider either, or its timing would tell who has an account.
 * <p>
 * One sending thread and a bounded queue: when the queue is full, or the provider refuses after its retries, the
 * caller's {@code onFailure} runs (on the sending thread in the second case). What is still queued when the service
 * stops is not sent; those codes are never delivered, and the person asks again.
 */
public class SmsAfterAnswer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmsAfterAnswer.class);
    public static final int MAX_QUEUED = 10_000;

    private final SmsGateway sms;
    private final ThreadPoolExecutor sender;

    public SmsAfterAnswer(SmsGateway sms, int queueCapacity) {
        if (queueCapacity < 1 || queueCapacity > MAX_QUEUED) {
            throw new IllegalArgumentException("queueCapacity must be 1 to " + MAX_QUEUED);
        }
        this.sms = sms;
        this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(queueCapacity), runnable -> {
            Thread thread = new Thread(runnable, "sms-after-answer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Queues the message; {@code onFailure} runs if it cannot be queued or the provider does not take it. */
    public void send(String phone, String text, Runnable onFailure) {
        try {
            sender.execute(() -> {
                try {
                    sms.send(phone, text);
                } catch (RuntimeException e) { // the provider refused after its retries, or the call broke
                    log.warn("an SMS sent after the answer failed: {}", e.toString());
                    onFailure.run();
                }
            });
        } catch (RejectedExecutionException full) {
            log.warn("the queue of SMS sent after the answer is full ({}); this one is dropped", sender.getQueue().size());
            onFailure.run();
        }
    }

    /** Messages waiting to be sent (for metrics and tests). */
    public int queued() {
        return sender.getQueue().size();
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}

package io.quipu.notifications.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.quipu.notifications.clients.CustomerDirectory;
import io.quipu.notifications.clients.EmailSender;
import io.quipu.notifications.clients.PushSender;
import io.quipu.notifications.clients.SmsSender;
import io.quipu.notifications.domain.Channel;
import io.quipu.notifications.domain.DeliveryFailure;
import io.quipu.notifications.domain.Message;
import io.quipu.notifications.domain.Recipient;
import io.quipu.notifications.domain.RetryPolicy;
import io.quipu.notifications.domain.Templates;
import io.quipu.notifications.store.Delivery;
import io.quipu.notifications.store.DeliveryStore;
import io.quipu.notifications.store.DeviceStore;
import io.quipu.notifications.store.NotificationStore;
import io.quipu.notifications.store.StoredNotification;

/**
 * Sends what is due: one loop claims due deliveries per channel (as many as that channel has free senders) and hands
 * them to a bounded pool, so a slow SMTP server never holds up the live stream. A passing failure is retried with the
 * channel's backoff until its tries are spent, then the delivery is dead; a permanent one fails at once. While the
 * customers service cannot say who the customer is, the delivery waits without spending a try: it is never lost.
 */
public class DeliveryDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

    /** How the dispatcher runs; every number is bounded when the settings are read. */
    public record Settings(int sendersPerChannel, int batchSize, Duration idlePoll, Duration lease,
            Duration recipientRetryWait) {

        public Settings {
            if (sendersPerChannel < 1 || sendersPerChannel > 64) {
                throw new IllegalArgumentException("senders per channel must be 1 to 64");
            }
            if (batchSize < 1 || batchSize > 1000) {
                throw new IllegalArgumentException("the batch size must be 1 to 1000");
            }
            if (idlePoll.toMillis() < 10 || idlePoll.compareTo(Duration.ofMinutes(1)) > 0) {
                throw new IllegalArgumentException("the idle poll must be 10 ms to 1 min");
            }
            if (lease.compareTo(Duration.ofSeconds(1)) < 0 || lease.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("the lease must be 1 s to 1 h");
            }
            if (recipientRetryWait.toMillis() < 1 || recipientRetryWait.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("the recipient retry wait must be 1 ms to 1 h");
            }
        }
    }

    /** The channels' senders. */
    public record Senders(EmailSender email, SmsSender sms, PushSender push, LiveStreams streams) {
    }

    /** Devices one notification is pushed to at most (the customers' limit is lower). */
    static final int MAX_PUSH_DEVICES = 20;

    private final NotificationStore notifications;
    private final DeliveryStore deliveries;
    private final DeviceStore devices;
    private final CustomerDirectory directory;
    private final EmailSender email;
    private final SmsSender sms;
    private final PushSender push;
    private final LiveStreams streams;
    private final Map<Channel, RetryPolicy> policies;
    private final Settings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<Channel, Semaphore> freeSenders = new EnumMap<>(Channel.class);
    private final Object wakeUp = new Object();
    private boolean wokenUp;
    private volatile boolean running;
    private ExecutorService senders;
    private Thread loop;

    public DeliveryDispatcher(NotificationStore notifications, DeliveryStore deliveries, DeviceStore devices,
                              CustomerDirectory directory, Senders senders, Map<Channel, RetryPolicy> policies,
                              Settings settings, TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
        for (Channel channel : Channel.values()) {
            if (!policies.containsKey(channel)) {
                throw new IllegalArgumentException("no retry policy for " + channel.wireName());
            }
            freeSenders.put(channel, new Semaphore(settings.sendersPerChannel()));
        }
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.devices = devices;
        this.directory = directory;
        this.email = senders.email();
        this.sms = senders.sms();
        this.push = senders.push();
        this.streams = senders.streams();
        this.policies = Map.copyOf(policies);
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
    }

    /** Look for due deliveries now rather than at the next poll (after an event was taken in). */
    public void wakeUp() {
        synchronized (wakeUp) {
            wokenUp = true;
            wakeUp.notifyAll();
        }
    }

    @Override
    public void start() {
        senders = Executors.newFixedThreadPool(settings.sendersPerChannel() * Channel.values().length, runnable -> {
            Thread thread = new Thread(runnable, "notification-sender");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        loop = new Thread(this::run, "notification-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        if (loop != null) {
            loop.interrupt();
        }
        if (senders != null) {
            senders.shutdown();
            try {
                senders.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            int started;
            try {
                started = dispatchDue();
            } catch (RuntimeException e) {
                log.warn("dispatching notifications failed, will retry: {}", e.toString());
                started = 0;
            }
            if (started == 0) {
                synchronized (wakeUp) {
                    if (!wokenUp && running) {
                        try {
                            wakeUp.wait(settings.idlePoll().toMillis());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                    wokenUp = false;
                }
            }
        }
    }

    /** Claims and starts what is due on every channel with free senders; returns how many were started. */
    int dispatchDue() {
        int started = 0;
        for (Channel channel : Channel.values()) {
            Semaphore free = freeSenders.get(channel);
            int capacity = Math.min(free.availablePermits(), settings.batchSize());
            if (capacity == 0) {
                continue;
            }
            Instant now = clock.instant();
            List<Delivery> due = transactions.execute(status ->
                    deliveries.claimDue(channel, now, now.plus(settings.lease()), capacity));
            for (Delivery delivery : due == null ? List.<Delivery>of() : due) {
                free.acquireUninterruptibly();
                senders.execute(() -> {
                    try {
                        deliver(delivery);
                    } finally {
                        free.release();
                        wakeUp();
                    }
                });
                started++;
            }
        }
        return started;
    }

    void deliver(Delivery delivery) {
        int attempt = delivery.attempts() + 1;
        Optional<StoredNotification> found = notifications.find(delivery.notificationId());
        if (found.isEmpty()) {
            deliveries.markFinal(delivery.id(), Delivery.FAILED, delivery.attempts(), "notification_missing", clock.instant());
            return;
        }
        StoredNotification notification = found.get();
        try {
            String outcome = switch (delivery.channel()) {
                case WEB -> sendLive(notification);
                case EMAIL -> sendEmail(notification);
                case SMS -> sendSms(notification);
                case PUSH -> sendPush(notification);
            };
            if (outcome == null) {
                deliveries.markSent(delivery.id(), attempt, clock.instant());
                count(delivery.channel(), Delivery.SENT);
            } else {
                deliveries.markFinal(delivery.id(), Delivery.SKIPPED, delivery.attempts(), outcome, clock.instant());
                count(delivery.channel(), Delivery.SKIPPED);
            }
        } catch (DeliveryFailure failure) {
            failed(delivery, attempt, failure);
        } catch (RuntimeException e) {
            failed(delivery, attempt, DeliveryFailure.passing("unexpected_error", e.getClass().getSimpleName(), e));
        }
    }

    private void failed(Delivery delivery, int attempt, DeliveryFailure failure) {
        Instant now = clock.instant();
        String error = failure.code() + ": " + failure.getMessage();
        if (CustomerDirectory.UNAVAILABLE.equals(failure.code())) {
            // Nothing was tried on the channel: wait for the customers service without spending a try.
            deliveries.markRetrying(delivery.id(), delivery.attempts(), now.plus(settings.recipientRetryWait()), error, now);
            count(delivery.channel(), "waiting_for_recipient");
        } else if (failure.permanent()) {
            deliveries.markFinal(delivery.id(), Delivery.FAILED, attempt, error, now);
            count(delivery.channel(), Delivery.FAILED);
        } else {
            RetryPolicy policy = policies.get(delivery.channel());
            if (policy.allowsAnotherAttempt(attempt)) {
                deliveries.markRetrying(delivery.id(), attempt, now.plus(policy.waitAfter(attempt)), error, now);
                count(delivery.channel(), Delivery.RETRYING);
            } else {
                deliveries.markFinal(delivery.id(), Delivery.DEAD, attempt, error, now);
                count(delivery.channel(), Delivery.DEAD);
                log.warn("{} delivery {} given up after {} tries: {}", delivery.channel().wireName(), delivery.id(), attempt,
                        failure.code());
            }
        }
    }

    /** @return null when sent, else why nothing was sent */
    private String sendEmail(StoredNotification notification) {
        Recipient recipient = directory.recipient(notification.customerId());
        if (recipient.email() == null) {
            return "no_email_address";
        }
        Message message = render(notification, recipient);
        email.send(recipient.email(), message.subject(), message.body());
        return null;
    }

    private String sendSms(StoredNotification notification) {
        Recipient recipient = directory.recipient(notification.customerId());
        if (recipient.phone() == null) {
            return "no_phone";
        }
        sms.send(recipient.phone(), render(notification, recipient).shortText());
        return null;
    }

    /**
     * To every device of the customer; a token the provider no longer knows is forgotten. A passing failure retries the
     * whole delivery, so a device that had it may get it again: the data carries the notification's id for the app to
     * drop the repeat.
     */
    private String sendPush(StoredNotification notification) {
        List<DeviceStore.Device> targets = devices.ofCustomer(notification.customerId(), MAX_PUSH_DEVICES);
        if (targets.isEmpty()) {
            return "no_device";
        }
        Recipient recipient = directory.recipient(notification.customerId());
        Message message = render(notification, recipient);
        Map<String, String> data = Map.of("notificationId", notification.id().toString(), "kind", notification.kind().wireName());
        int delivered = 0;
        for (DeviceStore.Device device : targets) {
            if (push.send(device.token(), message.subject(), message.shortText(), data) == PushSender.Outcome.DELIVERED) {
                delivered++;
            } else {
                devices.deleteToken(device.token());
            }
        }
        return delivered > 0 ? null : "no_device";
    }

    /**
     * The live stream does not wait for the customers service: without it, the words come in the language already
     * known (cached or stored), Spanish otherwise, and without a name.
     */
    private String sendLive(StoredNotification notification) {
        Recipient recipient;
        try {
            recipient = directory.recipient(notification.customerId());
        } catch (DeliveryFailure e) {
            Recipient cached = directory.cachedOrNull(notification.customerId());
            recipient = cached != null ? cached : new Recipient(notification.customerId(), null, null,
                    Recipient.Language.of(notification.language()), null);
        }
        Message message = render(notification, recipient);
        NotificationView view = Views.notification(notification, message, List.of());
        int listeners = streams.publish(notification.customerId(), notification.id().toString(), view);
        return listeners > 0 ? null : "no_open_stream";
    }

    /** In the language of the first rendering, so every channel and the inbox say the same thing. */
    private Message render(StoredNotification notification, Recipient recipient) {
        Recipient.Language language = notification.language() != null
                ? Recipient.Language.of(notification.language()) : recipient.language();
        Message message = Templates.render(notification.kind(), notification.facts(), language, recipient.name());
        if (notification.title() == null) {
            notifications.saveRendering(notification.id(), language.code(), message.subject(), message.body());
        }
        return message;
    }

    private void count(Channel channel, String outcome) {
        meters.counter("quipu.notifications.deliveries", "channel", channel.wireName(), "outcome", outcome).increment();
    }
}

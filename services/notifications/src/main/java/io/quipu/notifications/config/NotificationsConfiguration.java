package io.quipu.notifications.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.quipu.notifications.application.CustomerNotifications;
import io.quipu.notifications.application.DeliveryDispatcher;
import io.quipu.notifications.application.LiveStreams;
import io.quipu.notifications.application.NotificationIntake;
import io.quipu.notifications.clients.CustomerDirectory;
import io.quipu.notifications.clients.EmailSender;
import io.quipu.notifications.clients.PushSender;
import io.quipu.notifications.clients.SmsSender;
import io.quipu.notifications.domain.Channel;
import io.quipu.notifications.domain.RetryPolicy;
import io.quipu.notifications.store.DeliveryStore;
import io.quipu.notifications.store.DeviceStore;
import io.quipu.notifications.store.NotificationStore;
import io.quipu.notifications.store.PreferenceStore;
import io.quipu.platform.clients.ProviderEndpoint;
import io.quipu.platform.clients.ProviderSettings;
import io.quipu.platform.security.ResourceServerAutoConfiguration;
import io.quipu.platform.security.ServiceClients;
import tools.jackson.databind.json.JsonMapper;

@Configuration
@EnableScheduling
public class NotificationsConfiguration {

    public static final String READ_SCOPE = "notifications:read";
    public static final String WRITE_SCOPE = "notifications:write";
    /** The client-credentials registration this service calls the customers service with. */
    public static final String CLIENT_REGISTRATION = "notifications";
    private static final int MAX_PROVIDER_ANSWER_BYTES = 64 * 1024;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    CustomerDirectory customerDirectory(ServiceClients clients,
                                        @Value("${quipu.services.customers.url}") String customersUrl,
                                        @Value("${quipu.notifications.recipients.timeout}") Duration timeout,
                                        @Value("${quipu.notifications.recipients.cache-time-to-live}") Duration timeToLive,
                                        @Value("${quipu.notifications.recipients.cache-size}") int cacheSize, Clock clock) {
        return new CustomerDirectory(clients.restClient(customersUrl, CLIENT_REGISTRATION, timeout), timeToLive, cacheSize, clock);
    }

    @Bean
    EmailSender emailSender(JavaMailSender mailSender, @Value("${quipu.notifications.email.from}") String from,
                            @Value("${quipu.notifications.email.circuit-breaker.failures}") int failures,
                            @Value("${quipu.notifications.email.circuit-breaker.open-duration}") Duration openDuration) {
        return new EmailSender(mailSender, from, failures, openDuration);
    }

    /** One try per call (the dispatcher spaces the retries); the platform's endpoint brings the limit and the breaker. */
    @Bean
    SmsSender smsSender(Environment environment, JsonMapper json) {
        ProviderSettings defaults = new ProviderSettings("sms", "http://127.0.0.1:8099", "sandbox-sms-key",
                Duration.ofSeconds(5), 1, Duration.ofMillis(1), ProviderSettings.Backoff.LINEAR, 5, Duration.ofSeconds(30));
        return new SmsSender(new ProviderEndpoint(ProviderSettings.bind(environment, "quipu.notifications.sms", defaults),
                MAX_PROVIDER_ANSWER_BYTES, json));
    }

    /** The same for push: one try per call, the platform's endpoint brings the limit and the breaker. */
    @Bean
    PushSender pushSender(Environment environment, JsonMapper json) {
        ProviderSettings defaults = new ProviderSettings("push", "http://127.0.0.1:8099", "sandbox-push-key",
                Duration.ofSeconds(5), 1, Duration.ofMillis(1), ProviderSettings.Backoff.LINEAR, 5, Duration.ofSeconds(30));
        return new PushSender(new ProviderEndpoint(ProviderSettings.bind(environment, "quipu.notifications.push", defaults),
                MAX_PROVIDER_ANSWER_BYTES, json));
    }

    @Bean
    LiveStreams liveStreams(@Value("${quipu.notifications.stream.max-per-customer}") int maxPerCustomer,
                            @Value("${quipu.notifications.stream.max-total}") int maxTotal,
                            @Value("${quipu.notifications.stream.timeout}") Duration timeout) {
        return new LiveStreams(maxPerCustomer, maxTotal, timeout);
    }

    @Bean
    NotificationIntake notificationIntake(NotificationStore notifications, DeliveryStore deliveries,
                                          PreferenceStore preferences, Clock clock) {
        return new NotificationIntake(notifications, deliveries, preferences, clock);
    }

    @Bean
    CustomerNotifications customerNotifications(NotificationStore notifications, DeliveryStore deliveries,
                                                PreferenceStore preferences, DeviceStore devices,
                                                TransactionTemplate transactions, Clock clock) {
        return new CustomerNotifications(notifications, deliveries, preferences, devices, transactions, clock);
    }

    @Bean
    DeliveryDispatcher deliveryDispatcher(NotificationStore notifications, DeliveryStore deliveries,
                                          DeviceStore devices, CustomerDirectory directory, EmailSender email, SmsSender sms,
                                          PushSender push, LiveStreams streams,
                                          Environment environment, TransactionTemplate transactions, Clock clock,
                                          MeterRegistry meters) {
        Map<Channel, RetryPolicy> policies = Map.of(
                Channel.EMAIL, retryPolicy(environment, "email"),
                Channel.SMS, retryPolicy(environment, "sms"),
                Channel.WEB, retryPolicy(environment, "web"),
                Channel.PUSH, retryPolicy(environment, "push"));
        DeliveryDispatcher.Settings settings = new DeliveryDispatcher.Settings(
                environment.getRequiredProperty("quipu.notifications.dispatch.senders-per-channel", Integer.class),
                environment.getRequiredProperty("quipu.notifications.dispatch.batch-size", Integer.class),
                environment.getRequiredProperty("quipu.notifications.dispatch.idle-poll", Duration.class),
                environment.getRequiredProperty("quipu.notifications.dispatch.lease", Duration.class),
                environment.getRequiredProperty("quipu.notifications.recipients.unavailable-retry-wait", Duration.class));
        return new DeliveryDispatcher(notifications, deliveries, devices, directory,
                new DeliveryDispatcher.Senders(email, sms, push, streams), policies, settings, transactions, clock, meters);
    }

    private static RetryPolicy retryPolicy(Environment environment, String channel) {
        String prefix = "quipu.notifications.retries." + channel + ".";
        return new RetryPolicy(environment.getRequiredProperty(prefix + "max-attempts", Integer.class),
                environment.getRequiredProperty(prefix + "first-wait", Duration.class),
                environment.getRequiredProperty(prefix + "backoff", RetryPolicy.Backoff.class));
    }

    /** Keeps idle streams open through proxies and finds the ones whose browser went away. */
    @Bean
    StreamHeartbeat streamHeartbeat(LiveStreams streams) {
        return new StreamHeartbeat(streams);
    }

    static class StreamHeartbeat {

        private final LiveStreams streams;

        StreamHeartbeat(LiveStreams streams) {
            this.streams = streams;
        }

        @Scheduled(fixedRateString = "${quipu.notifications.stream.heartbeat}",
                initialDelayString = "${quipu.notifications.stream.heartbeat}")
        void beat() {
            streams.heartbeat();
        }
    }

    /**
     * Only customers, only their own notifications (the controller always uses the token's customer): reading needs
     * {@code notifications:read}, changing preferences and devices {@code notifications:write}. Staff and service tokens reach
     * nothing here. The async dispatches of a live stream were authorized when it opened.
     */
    @Bean
    SecurityFilterChain notificationsSecurity(HttpSecurity http) throws Exception {
        return ResourceServerAutoConfiguration.apply(http, requests -> requests
                        .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                        .requestMatchers(HttpMethod.GET, "/notifications", "/notifications/stream", "/notifications/preferences",
                                "/notifications/devices")
                        .access(AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole("customer"),
                                AuthorityAuthorizationManager.hasAuthority("SCOPE_" + READ_SCOPE)))
                        .requestMatchers(HttpMethod.PUT, "/notifications/preferences")
                        .access(AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole("customer"),
                                AuthorityAuthorizationManager.hasAuthority("SCOPE_" + WRITE_SCOPE)))
                        .requestMatchers(HttpMethod.POST, "/notifications/devices")
                        .access(AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole("customer"),
                                AuthorityAuthorizationManager.hasAuthority("SCOPE_" + WRITE_SCOPE)))
                        .requestMatchers(HttpMethod.DELETE, "/notifications/devices/*")
                        .access(AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole("customer"),
                                AuthorityAuthorizationManager.hasAuthority("SCOPE_" + WRITE_SCOPE)))
                        .requestMatchers("/notifications/**").denyAll())
                .build();
    }
}

package io.quipu.platform.events;

import java.time.Duration;

import javax.sql.DataSource;

import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.FixedBackOff;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.quipu.platform.schema.PlatformSchema;
import tools.jackson.databind.json.JsonMapper;

/** Outbox, relay, idempotent inbox and dead-letter handling, for every service with a database and Kafka. */
@AutoConfiguration(afterName = {
        "io.quipu.platform.idempotency.IdempotencyAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
@ConditionalOnClass({KafkaTemplate.class, JdbcClient.class})
@ConditionalOnBean({DataSource.class, PlatformSchema.class})
public class EventsAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EventsAutoConfiguration.class);
    /** Attempts of a failing record before it goes to the dead-letter topic (the first try plus retries). */
    static final long LISTENER_RETRIES = 3;
    static final long LISTENER_RETRY_INTERVAL_MILLIS = 500;
    /** Longer than Kafka keeps records (7 days): an older event id cannot be delivered again. */
    static final Duration PROCESSED_EVENTS_RETENTION = Duration.ofDays(14);

    @Bean
    @ConditionalOnMissingBean
    CloudEventCodec cloudEventCodec(JsonMapper jsonMapper, @Value("${spring.application.name}") String serviceName) {
        return new CloudEventCodec(jsonMapper, serviceName);
    }

    @Bean
    @ConditionalOnMissingBean
    TracePropagation tracePropagation(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TracePropagation(tracer.getIfAvailable(), propagator.getIfAvailable());
    }

    @Bean
    @ConditionalOnMissingBean
    @SuppressWarnings("unchecked")
    OutboxRelay outboxRelay(PlatformSchema schema, DataSource dataSource, PlatformTransactionManager transactionManager,
                            KafkaTemplate<?, ?> kafkaTemplate, TracePropagation tracing,
                            @Value("${quipu.events.outbox.batch-size}") int batchSize,
                            @Value("${quipu.events.outbox.idle-poll}") Duration idlePoll,
                            @Value("${quipu.events.outbox.send-timeout}") Duration sendTimeout) {
        return new OutboxRelay(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager),
                (KafkaOperations<String, byte[]>) kafkaTemplate, batchSize, idlePoll, sendTimeout, tracing);
    }

    @Bean
    @ConditionalOnMissingBean
    Outbox outbox(PlatformSchema schema, DataSource dataSource, CloudEventCodec codec, OutboxRelay relay,
                  TracePropagation tracing) {
        return new Outbox(JdbcClient.create(dataSource), codec, tracing::currentTraceparent, relay::wakeUp);
    }

    @Bean
    @ConditionalOnMissingBean
    EventInbox eventInbox(PlatformSchema schema, DataSource dataSource, PlatformTransactionManager transactionManager,
                          CloudEventCodec codec) {
        return new EventInbox(JdbcClient.create(dataSource), new TransactionTemplate(transactionManager), codec);
    }

    /**
     * A record that keeps failing goes to {@code <topic>.DLT} (same key, so it can be replayed in order) after a few
     * retries; one that can never succeed ({@link PoisonEventException}) goes there at once. The partition is left to
     * the producer, so the DLT needs no particular partition count.
     */
    @Bean
    @ConditionalOnMissingBean
    CommonErrorHandler deadLetterErrorHandler(KafkaTemplate<?, ?> kafkaTemplate) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafkaTemplate,
                (record, exception) -> new TopicPartition(record.topic() + ".DLT", -1));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer,
                new FixedBackOff(LISTENER_RETRY_INTERVAL_MILLIS, LISTENER_RETRIES - 1));
        handler.addNotRetryableExceptions(PoisonEventException.class);
        return handler;
    }

    @Bean
    ProcessedEventsCleanup processedEventsCleanup(PlatformSchema schema, DataSource dataSource) {
        return new ProcessedEventsCleanup(JdbcClient.create(dataSource));
    }

    /** Forgets processed event ids that can no longer be redelivered, in bounded batches. */
    public static class ProcessedEventsCleanup {
        private static final int BATCH_SIZE = 5_000;
        private final JdbcClient jdbc;

        ProcessedEventsCleanup(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Scheduled(fixedDelayString = "${quipu.events.processed-cleanup-interval:1h}", initialDelayString = "5m")
        public void deleteOld() {
            try {
                jdbc.sql("""
                                delete from platform.processed_events where ctid in (
                                    select ctid from platform.processed_events
                                    where processed_at < now() - make_interval(days => :days) limit :batch)""")
                        .param("days", (int) PROCESSED_EVENTS_RETENTION.toDays()).param("batch", BATCH_SIZE)
                        .update();
            } catch (RuntimeException e) {
                log.warn("processed-events clean-up failed, will retry: {}", e.toString());
            }
        }
    }
}

package io.quipu.platform.idempotency;

import java.time.Duration;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import io.quipu.platform.schema.PlatformSchema;

/** The platform's tables in the service's database, and Idempotency-Key handling for its POST endpoints. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
@ConditionalOnClass({JdbcClient.class, Flyway.class})
@ConditionalOnBean(DataSource.class)
@EnableScheduling
public class IdempotencyAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    PlatformSchema platformSchema(DataSource dataSource) {
        return PlatformSchema.migrate(dataSource);
    }

    @Bean
    @ConditionalOnMissingBean
    IdempotencyStore idempotencyStore(PlatformSchema schema, DataSource dataSource) {
        return new IdempotencyStore(JdbcClient.create(dataSource));
    }

    /** Runs after Spring Security (order -100) so that keys are scoped to the authenticated caller. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotencyStore store,
            @Value("${quipu.idempotency.retention}") Duration retention,
            @Value("${quipu.idempotency.wait-for-first}") Duration waitForFirst,
            @Value("${quipu.idempotency.stale-after}") Duration staleAfter) {
        FilterRegistrationBean<IdempotencyFilter> registration =
                new FilterRegistrationBean<>(new IdempotencyFilter(store, retention, waitForFirst, staleAfter));
        registration.setOrder(0);
        return registration;
    }

    @Bean
    IdempotencyCleanup idempotencyCleanup(IdempotencyStore store) {
        return new IdempotencyCleanup(store);
    }

    /** Deletes expired keys in bounded batches, so the table stays small. */
    public static class IdempotencyCleanup {
        private final IdempotencyStore store;

        IdempotencyCleanup(IdempotencyStore store) {
            this.store = store;
        }

        @Scheduled(fixedDelayString = "${quipu.idempotency.cleanup-interval:10m}", initialDelayString = "1m")
        public void deleteExpired() {
            try {
                int deleted = store.deleteExpired();
                if (deleted > 0) {
                    log.info("deleted {} expired idempotency keys", deleted);
                }
            } catch (RuntimeException e) {
                log.warn("idempotency key clean-up failed, will retry: {}", e.toString());
            }
        }
    }
}

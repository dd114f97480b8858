package io.quipu.ledger.config;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.quipu.contracts.ledger.LedgerContracts;
import io.quipu.ledger.events.TransferEventPublisher;
import io.quipu.ledger.store.LedgerStore;
import io.quipu.ledger.store.TransferWriter;
import io.quipu.platform.events.CloudEventCodec;
import io.quipu.platform.security.ResourceServerAutoConfiguration;

@Configuration
public class LedgerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LedgerConfiguration.class);

    @Bean
    TransferWriter transferWriter(LedgerStore store, PlatformTransactionManager transactionManager,
                                  @Value("${quipu.ledger.max-transfers-per-commit}") int maxTransfersPerCommit,
                                  @Value("${quipu.ledger.queue-capacity-transfers}") int queueCapacityTransfers,
                                  MeterRegistry meters) {
        return new TransferWriter(store, new TransactionTemplate(transactionManager), maxTransfersPerCommit, queueCapacityTransfers,
                meters);
    }

    @Bean
    @SuppressWarnings("unchecked")
    TransferEventPublisher transferEventPublisher(DataSource dataSource, LedgerStore store,
                                                  PlatformTransactionManager transactionManager,
                                                  KafkaTemplate<?, ?> kafkaTemplate, CloudEventCodec codec,
                                                  TransferWriter writer,
                                                  @Value("${quipu.events.outbox.send-timeout}") Duration sendTimeout,
                                                  @Value("${quipu.ledger.events.gather-delay}") Duration gatherDelay) {
        TransferEventPublisher publisher = new TransferEventPublisher(JdbcClient.create(dataSource), store,
                new TransactionTemplate(transactionManager), (KafkaOperations<String, byte[]>) kafkaTemplate, codec, sendTimeout,
                gatherDelay);
        writer.onCommit(publisher::wakeUp);
        return publisher;
    }

    /** Customers never call the ledger: services with ledger scopes and bank staff do. */
    @Bean
    SecurityFilterChain ledgerSecurity(HttpSecurity http) throws Exception {
        String read = "SCOPE_" + LedgerContracts.READ_SCOPE;
        String write = "SCOPE_" + LedgerContracts.WRITE_SCOPE;
        return ResourceServerAutoConfiguration.apply(http, requests -> requests
                        .requestMatchers(HttpMethod.GET, "/**").access(notCustomer(read, write, "ROLE_teller", "ROLE_analyst",
                                "ROLE_auditor", "ROLE_admin"))
                        .requestMatchers(HttpMethod.POST, "/accounts/*/freeze", "/accounts/*/unfreeze", "/accounts/*/close")
                        .access(notCustomer(write, "ROLE_admin"))
                        .requestMatchers(HttpMethod.POST, "/**").access(notCustomer(write)))
                .build();
    }

    /** One of the authorities, and not a customer's token whatever scopes it carries. */
    private static AuthorizationManager<RequestAuthorizationContext> notCustomer(String... authorities) {
        return AuthorizationManagers.allOf(
                AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole("customer")),
                AuthorityAuthorizationManager.hasAnyAuthority(authorities));
    }

    @Bean
    ExpirySweeper expirySweeper(LedgerStore store, TransferWriter writer) {
        return new ExpirySweeper(store, writer);
    }

    /** Voids holds whose timeout passed, through the writer, every second. */
    public static class ExpirySweeper {
        private static final int MAX_PER_SWEEP = 1000;
        private final LedgerStore store;
        private final TransferWriter writer;

        ExpirySweeper(LedgerStore store, TransferWriter writer) {
            this.store = store;
            this.writer = writer;
        }

        @Scheduled(fixedDelayString = "${quipu.ledger.expiry-interval:1s}")
        public void sweep() {
            try {
                long nowMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
                List<UUID> expired = store.expiredPendingIds(nowMicros, MAX_PER_SWEEP);
                if (!expired.isEmpty()) {
                    writer.expire(expired, Duration.ofSeconds(5)).get();
                }
            } catch (Exception e) {
                log.warn("expiring pending transfers failed, will retry: {}", e.toString());
            }
        }
    }
}

package io.quipu.payments.config;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.support.TransactionTemplate;

import io.quipu.contracts.fraud.FraudClient;
import io.quipu.contracts.identity.IdentityClient;
import io.quipu.contracts.ledger.LedgerClient;
import io.quipu.payments.application.BankAccounts;
import io.quipu.payments.application.PaymentSaga;
import io.quipu.payments.application.PaymentService;
import io.quipu.payments.clients.ClearingHouseClient;
import io.quipu.payments.clients.FraudChecks;
import io.quipu.payments.clients.FxRatesClient;
import io.quipu.payments.clients.LedgerAccounts;
import io.quipu.payments.clients.StepUps;
import io.quipu.payments.clients.SwiftClient;
import io.quipu.payments.clients.WebhookSignatures;
import io.quipu.payments.domain.PaymentLimits;
import io.quipu.payments.events.PaymentEventPublisher;
import io.quipu.payments.store.FxQuoteStore;
import io.quipu.payments.store.PaymentStore;
import io.quipu.platform.clients.ProviderSettings;
import io.quipu.platform.clients.ProviderSettings.Backoff;
import io.quipu.platform.security.ResourceServerAutoConfiguration;
import io.quipu.platform.security.ServiceClients;
import tools.jackson.databind.json.JsonMapper;

@Configuration
@EnableScheduling
@EnableConfigurationProperties(LimitsProperties.class)
public class PaymentsConfiguration {

    /** The design documents' table: ACH network 30 s, 3 retries with exponential backoff, 5 failures → open 60 s. */
    private static final ProviderSettings CLEARING = new ProviderSettings("clearing", "http://127.0.0.1:8099", "sandbox-clearing-key",
            Duration.ofSeconds(30), 3, Duration.ofMillis(500), Backoff.EXPONENTIAL, 5, Duration.ofSeconds(60));
    private static final ProviderSettings SWIFT = new ProviderSettings("swift", "http://127.0.0.1:8099", "sandbox-swift-key",
            Duration.ofSeconds(30), 3, Duration.ofMillis(500), Backoff.EXPONENTIAL, 5, Duration.ofSeconds(60));
    private static final ProviderSettings FX = new ProviderSettings("fx", "http://127.0.0.1:8099", "sandbox-fx-key",
            Duration.ofSeconds(5), 2, Duration.ofMillis(250), Backoff.LINEAR, 5, Duration.ofSeconds(30));
    private static final String PROVIDERS = "quipu.payments.providers.";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    LedgerAccounts ledgerAccounts(ServiceClients clients, @Value("${quipu.services.ledger.url:http://127.0.0.1:8083}") String url,
                                  @Value("${quipu.payments.platform-call-timeout:10s}") Duration timeout) {
        return new LedgerAccounts(clients.create(LedgerClient.class, url, "payments", timeout));
    }

    @Bean
    StepUps stepUps(ServiceClients clients, @Value("${quipu.services.identity.url:http://127.0.0.1:8081}") String url,
                    @Value("${quipu.payments.platform-call-timeout:10s}") Duration timeout) {
        return new StepUps(clients.create(IdentityClient.class, url, "payments", timeout));
    }

    /** Fraud: 5 s, 1 retry, circuit breaker 10 failures → open 120 s (the design documents' table). */
    @Bean
    FraudChecks fraudChecks(ServiceClients clients, @Value("${quipu.services.fraud.url:http://127.0.0.1:8088}") String url,
                            @Value("${quipu.payments.fraud.timeout:5s}") Duration timeout,
                            @Value("${quipu.payments.fraud.circuit-breaker.failures:10}") int failures,
                            @Value("${quipu.payments.fraud.circuit-breaker.open-duration:120s}") Duration openDuration) {
        return new FraudChecks(clients.create(FraudClient.class, url, "payments", timeout), failures, openDuration);
    }

    @Bean
    ClearingHouseClient clearingHouseClient(Environment environment, JsonMapper json,
                                            @Value("${quipu.payments.clearing.callback-url:}") String callbackUrl) {
        return new ClearingHouseClient(ProviderSettings.bind(environment, PROVIDERS + "clearing", CLEARING),
                callbackUrl.isBlank() ? null : callbackUrl, json);
    }

    @Bean
    SwiftClient swiftClient(Environment environment, JsonMapper json) {
        return new SwiftClient(ProviderSettings.bind(environment, PROVIDERS + "swift", SWIFT), json);
    }

    @Bean
    FxRatesClient fxRatesClient(Environment environment, JsonMapper json) {
        return new FxRatesClient(ProviderSettings.bind(environment, PROVIDERS + "fx", FX), json);
    }

    @Bean
    WebhookSignatures clearingSignatures(@Value("${quipu.payments.clearing.webhook-secret}") String secret) {
        return new WebhookSignatures(secret);
    }

    @Bean
    PaymentLimits paymentLimits(LimitsProperties properties) {
        return properties.toLimits();
    }

    @Bean
    BankAccounts bankAccounts(LedgerAccounts ledger) {
        return new BankAccounts(ledger);
    }

    @Bean
    PaymentSaga paymentSaga(@Value("${quipu.payments.hold-timeout:24h}") Duration holdTimeout,
                            @Value("${quipu.payments.poll-interval:5s}") Duration pollInterval,
                            @Value("${quipu.payments.return-window:10m}") Duration returnWindow,
                            @Value("${quipu.payments.first-retry-delay:2s}") Duration firstRetryDelay,
                            @Value("${quipu.payments.max-retry-delay:5m}") Duration maxRetryDelay,
                            @Value("${quipu.payments.max-send-attempts:4}") int maxSendAttempts,
                            @Value("${quipu.payments.bank-code:099}") String bankCode,
                            PaymentStore payments, LedgerAccounts ledger, BankAccounts bankAccounts, FraudChecks fraud,
                            ClearingHouseClient clearing, SwiftClient swift, PaymentLimits limits, PaymentEventPublisher events,
                            TransactionTemplate transactions, Clock clock) {
        return new PaymentSaga(new PaymentSaga.Settings(holdTimeout, pollInterval, returnWindow, firstRetryDelay, maxRetryDelay,
                maxSendAttempts, bankCode), payments, ledger, bankAccounts, fraud, clearing, swift, limits, events, transactions, clock);
    }

    @Bean
    PaymentService paymentService(@Value("${quipu.payments.bank-code:099}") String bankCode,
                                  @Value("${quipu.payments.fx.spread-basis-points:80}") int spreadBasisPoints,
                                  @Value("${quipu.payments.fx.quote-lifetime:30s}") Duration quoteLifetime,
                                  PaymentStore payments, FxQuoteStore quotes, LedgerAccounts ledger, StepUps stepUps, FxRatesClient rates,
                                  PaymentLimits limits, PaymentSaga saga, PaymentEventPublisher events, TransactionTemplate transactions,
                                  Clock clock) {
        return new PaymentService(new PaymentService.Settings(bankCode, spreadBasisPoints, quoteLifetime), payments, quotes, ledger, stepUps,
                rates, limits, saga, events, transactions, clock);
    }

    /**
     * Customers order and read their own payments (payments:write, payments:read); staff and services read; the
     * clearing house's notifications carry a signature instead of a token.
     */
    @Bean
    SecurityFilterChain paymentsSecurity(HttpSecurity http) throws Exception {
        return ResourceServerAutoConfiguration.apply(http, requests -> requests
                        .requestMatchers(HttpMethod.POST, "/payments/clearing/notifications").permitAll()
                        .requestMatchers(HttpMethod.GET, "/clearing/files/*").access(ClearingFileAccess.staffOrServices())
                        .requestMatchers(HttpMethod.POST, "/payments", "/payments/*/authorization", "/fx/quotes")
                        .hasAuthority("SCOPE_payments:write")
                        .requestMatchers(HttpMethod.GET, "/payments", "/payments/**").hasAuthority("SCOPE_payments:read"))
                .build();
    }
}

package io.quipu.customers.config;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.transaction.support.TransactionTemplate;

import io.quipu.contracts.customers.CustomersContracts;
import io.quipu.contracts.identity.IdentityClient;
import io.quipu.contracts.ledger.LedgerClient;
import io.quipu.customers.application.AccountStatements;
import io.quipu.customers.application.CustomerService;
import io.quipu.customers.application.OnboardingService;
import io.quipu.customers.application.ProfileCache;
import io.quipu.customers.application.ProfileService;
import io.quipu.customers.clients.BiometricsClient;
import io.quipu.customers.clients.ContractMailer;
import io.quipu.customers.clients.ESignatureClient;
import io.quipu.customers.clients.IdentityRegistryClient;
import io.quipu.customers.clients.PlatformServices;
import io.quipu.customers.clients.ScreeningClient;
import io.quipu.customers.domain.BiometricPolicy;
import io.quipu.customers.events.CustomerEventPublisher;
import io.quipu.customers.store.CustomerStore;
import io.quipu.customers.store.DocumentStore;
import io.quipu.customers.store.OnboardingStore;
import io.quipu.platform.crypto.FieldCipher;
import io.quipu.platform.security.ResourceServerAutoConfiguration;
import io.quipu.platform.security.ServiceClients;
import jakarta.validation.Validator;

@Configuration
@EnableScheduling
public class CustomersConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Encryption at rest of sensitive fields; production gives the keys through the environment (docs/customers.md). */
    @Bean
    FieldCipher fieldCipher(@Value("${quipu.customers.encryption.keys}") String keys,
                            @Value("${quipu.customers.encryption.active-key-id}") String activeKeyId,
                            @Value("${quipu.customers.encryption.index-key}") String indexKey) {
        return FieldCipher.fromConfiguration(keys, activeKeyId, indexKey);
    }

    @Bean
    LedgerClient ledgerClient(ServiceClients clients,
                              @Value("${quipu.services.ledger.url:http://127.0.0.1:8083}") String ledgerUrl,
                              @Value("${quipu.customers.platform-call-timeout:10s}") Duration timeout) {
        return clients.create(LedgerClient.class, ledgerUrl, "customers", timeout);
    }

    @Bean
    AccountStatements accountStatements(CustomerService customers, LedgerClient ledger, Clock clock) {
        return new AccountStatements(customers, ledger, clock);
    }

    @Bean
    PlatformServices platformServices(ServiceClients clients, LedgerClient ledger,
                                      @Value("${quipu.services.identity.url:http://127.0.0.1:8081}") String identityUrl,
                                      @Value("${quipu.customers.platform-call-timeout:10s}") Duration timeout) {
        return new PlatformServices(clients.create(IdentityClient.class, identityUrl, "customers", timeout), ledger);
    }

    @Bean
    ProfileCache profileCache(@Value("${quipu.customers.profile.cache-ttl:5m}") Duration timeToLive,
                              @Value("${quipu.customers.profile.cache-capacity:10000}") int capacity, Clock clock) {
        return new ProfileCache(timeToLive, capacity, clock);
    }

    @Bean
    CustomerService customerService(CustomerStore customers, CustomerEventPublisher events, ProfileCache profiles,
                                    TransactionTemplate transactions, Validator validator, Clock clock) {
        return new CustomerService(customers, events, profiles, transactions, validator, clock);
    }

    /** The 360° view's calls to other services: a few threads and a bounded queue; a full queue answers at once. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService profileExecutor() {
        return new ThreadPoolExecutor(4, 16, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256),
                new ThreadPoolExecutor.AbortPolicy());
    }

    @Bean
    ProfileService profileService(CustomerService customers, PlatformServices platform, ProfileCache cache,
                                  ExecutorService profileExecutor,
                                  @Value("${quipu.customers.profile.part-timeout:2s}") Duration partTimeout, Clock clock) {
        return new ProfileService(customers, platform, cache, profileExecutor, partTimeout, clock);
    }

    @Bean
    OnboardingService onboardingService(@Value("${quipu.customers.onboarding.biometric-threshold:0.90}") double threshold,
                                        @Value("${quipu.customers.onboarding.max-selfie-attempts:3}") int maxSelfieAttempts,
                                        @Value("${quipu.customers.onboarding.case-lifetime:7d}") Duration caseLifetime,
                                        @Value("${quipu.customers.onboarding.first-retry-delay:5s}") Duration firstRetryDelay,
                                        @Value("${quipu.customers.onboarding.max-retry-delay:10m}") Duration maxRetryDelay,
                                        CustomerStore customers, OnboardingStore cases, DocumentStore documents,
                                        IdentityRegistryClient registry, BiometricsClient biometrics, ScreeningClient screening,
                                        ESignatureClient signatures, ContractMailer mailer, PlatformServices platform,
                                        CustomerEventPublisher events, TransactionTemplate transactions, Clock clock) {
        return new OnboardingService(new OnboardingService.Settings(new BiometricPolicy(threshold), maxSelfieAttempts, caseLifetime,
                firstRetryDelay, maxRetryDelay), customers, cases, documents, registry, biometrics, screening, signatures, mailer,
                platform, events, transactions, clock);
    }

    /**
     * Onboarding is open (the applicant has no login; the case's resume token guards it). Registering customers, one or
     * a batch: tellers and administrators, or a service with customers:write (never a customer's token, whatever its
     * scopes). Changing their status: tellers and administrators. Searching: staff. Reading: the customer's own record
     * (checked in the service) or staff and services with customers:read.
     */
    @Bean
    SecurityFilterChain customersSecurity(HttpSecurity http) throws Exception {
        AuthorizationManager<RequestAuthorizationContext> registrars = AuthorizationManagers.anyOf(
                AuthorityAuthorizationManager.hasAnyRole("teller", "admin"),
                AuthorizationManagers.allOf(
                        AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole("customer")),
                        AuthorityAuthorizationManager.hasAuthority("SCOPE_" + CustomersContracts.WRITE_SCOPE)));
        return ResourceServerAutoConfiguration.apply(http, requests -> requests
                        .requestMatchers("/onboarding", "/onboarding/**").permitAll()
                        .requestMatchers(HttpMethod.POST, "/customers", "/customers/batch").access(registrars)
                        .requestMatchers(HttpMethod.POST, "/customers/*/block", "/customers/*/unblock", "/customers/*/close")
                        .hasAnyRole("teller", "admin")
                        .requestMatchers(HttpMethod.GET, "/customers").hasAnyRole("teller", "admin", "analyst", "auditor")
                        .requestMatchers(HttpMethod.GET, "/customers/**").hasAuthority("SCOPE_customers:read")
                        .requestMatchers(HttpMethod.PATCH, "/customers/*").authenticated())
                .build();
    }
}

package io.quipu.fraud.config;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
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

import io.micrometer.core.instrument.MeterRegistry;
import io.quipu.contracts.fraud.FraudContracts;
import io.quipu.fraud.application.CaseService;
import io.quipu.fraud.application.CheckService;
import io.quipu.fraud.domain.RiskEngine;
import io.quipu.fraud.events.CaseEventPublisher;
import io.quipu.fraud.store.CaseStore;
import io.quipu.fraud.store.CheckStore;
import io.quipu.fraud.store.FailedLoginStore;
import io.quipu.platform.security.ResourceServerAutoConfiguration;

@Configuration
@EnableScheduling
@EnableConfigurationProperties(FraudProperties.class)
public class FraudConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The rules with their configured numbers; a wrong number stops the service here, naming the property. */
    @Bean
    RiskEngine riskEngine(FraudProperties properties) {
        return new RiskEngine(properties.toSettings());
    }

    @Bean
    CheckService checkService(RiskEngine engine, CheckStore checks, CaseStore cases, FailedLoginStore failedLogins,
                              CaseEventPublisher events, TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
        return new CheckService(engine, checks, cases, failedLogins, events, transactions, clock, meters);
    }

    @Bean
    CaseService caseService(CaseStore cases, CaseEventPublisher events, TransactionTemplate transactions, Clock clock) {
        return new CaseService(cases, events, transactions, clock);
    }

    /**
     * Decisions: the payments service's client-credentials token ({@code fraud:check}). Reading a decision or a case:
     * {@code fraud:read} or the staff roles analyst, admin, auditor. The queue and resolutions: analysts and
     * administrators only. A customer's token reaches nothing here, whatever its scopes.
     */
    @Bean
    SecurityFilterChain fraudSecurity(HttpSecurity http) throws Exception {
        return ResourceServerAutoConfiguration.apply(http, requests -> requests
                        .requestMatchers(HttpMethod.POST, "/fraud/checks")
                        .access(notCustomerAnd(AuthorityAuthorizationManager.hasAuthority("SCOPE_" + FraudContracts.CHECK_SCOPE)))
                        .requestMatchers(HttpMethod.GET, "/fraud/cases")
                        .access(notCustomerAnd(AuthorityAuthorizationManager.hasAnyRole("analyst", "admin")))
                        .requestMatchers(HttpMethod.GET, "/fraud/cases/*", "/fraud/decisions/*")
                        .access(notCustomerAnd(AuthorityAuthorizationManager.hasAnyAuthority("SCOPE_" + FraudContracts.READ_SCOPE,
                                "ROLE_analyst", "ROLE_admin", "ROLE_auditor")))
                        .requestMatchers(HttpMethod.POST, "/fraud/cases/*/approve", "/fraud/cases/*/reject")
                        .access(notCustomerAnd(AuthorityAuthorizationManager.hasAnyRole("analyst", "admin")))
                        .requestMatchers("/fraud/**").denyAll())
                .build();
    }

    /** The rule, and never for a customer's token (a customer's token also carries {@code ROLE_customer}). */
    private static AuthorizationManager<RequestAuthorizationContext> notCustomerAnd(
            AuthorizationManager<RequestAuthorizationContext> rule) {
        return AuthorizationManagers.allOf(AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole("customer")), rule);
    }
}

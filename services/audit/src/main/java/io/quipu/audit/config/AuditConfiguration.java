package io.quipu.audit.config;

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

import io.quipu.audit.application.AnchorService;
import io.quipu.audit.application.AuditSearch;
import io.quipu.audit.application.ChainVerifier;
import io.quipu.audit.store.AnchorFile;
import io.quipu.audit.store.AnchorStore;
import io.quipu.audit.store.AuditEventStore;
import io.quipu.audit.store.WriterTransactions;
import io.quipu.platform.security.ResourceServerAutoConfiguration;
import tools.jackson.databind.json.JsonMapper;

@Configuration
@EnableScheduling
@EnableConfigurationProperties(AuditProperties.class)
public class AuditConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AnchorFile anchorFile(AuditProperties properties, JsonMapper jsonMapper) {
        return new AnchorFile(properties.anchorDirectory(), jsonMapper);
    }

    @Bean
    AuditSearch auditSearch(AuditEventStore events, WriterTransactions transactions, JsonMapper jsonMapper) {
        return new AuditSearch(events, transactions, jsonMapper);
    }

    @Bean
    ChainVerifier chainVerifier(AuditEventStore events, AnchorStore anchors, AnchorFile anchorFile,
                                WriterTransactions transactions, AuditProperties properties) {
        return new ChainVerifier(events, anchors, anchorFile, transactions, properties.verifyBatchSize());
    }

    @Bean
    AnchorService anchorService(AuditEventStore events, AnchorStore anchors, AnchorFile anchorFile,
                                WriterTransactions transactions, Clock clock) {
        return new AnchorService(events, anchors, anchorFile, transactions, clock);
    }

    /**
     * Reading the log, verifying it and listing anchors: the staff roles auditor and admin. Anchoring on demand:
     * admin. A customer's token reaches nothing here, and neither does a service's token without those roles.
     */
    @Bean
    SecurityFilterChain auditSecurity(HttpSecurity http) throws Exception {
        return ResourceServerAutoConfiguration.apply(http, requests -> requests
                        .requestMatchers(HttpMethod.GET, "/audit/events", "/audit/verify", "/audit/anchors")
                        .access(notCustomerAnd(AuthorityAuthorizationManager.hasAnyRole("auditor", "admin")))
                        .requestMatchers(HttpMethod.POST, "/audit/anchors")
                        .access(notCustomerAnd(AuthorityAuthorizationManager.hasRole("admin")))
                        .requestMatchers("/audit/**").denyAll())
                .build();
    }

    /** The rule, and never for a customer's token (a customer's token also carries {@code ROLE_customer}). */
    private static AuthorizationManager<RequestAuthorizationContext> notCustomerAnd(
            AuthorizationManager<RequestAuthorizationContext> rule) {
        return AuthorizationManagers.allOf(AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole("customer")), rule);
    }
}

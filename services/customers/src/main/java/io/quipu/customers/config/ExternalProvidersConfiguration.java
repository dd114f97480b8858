package io.quipu.customers.config;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;

import io.quipu.customers.clients.BiometricsClient;
import io.quipu.customers.clients.ContractMailer;
import io.quipu.customers.clients.ESignatureClient;
import io.quipu.customers.clients.IdentityRegistryClient;
import io.quipu.customers.clients.ScreeningClient;
import io.quipu.platform.clients.ProviderSettings.Backoff;
import io.quipu.platform.clients.ProviderSettings;

import tools.jackson.databind.json.JsonMapper;

/**
 * The clients of the external providers the onboarding calls: identity registry, biometrics, screening, e-signature
 * and the SMTP server. Each provider's settings are under {@code quipu.customers.providers.<provider>}; what is not
 * set takes the design documents' values below. Locally every provider is the sandbox ({@code quipu.services.sandbox.url}).
 */
@Configuration(proxyBeanMethods = false)
public class ExternalProvidersConfiguration {

    private static final String PREFIX = "quipu.customers.providers.";

    /** The design documents' table of external systems: timeout, retries, circuit breaker. */
    private static final ProviderSettings REGISTRY = new ProviderSettings("registry", "http://127.0.0.1:8099",
            "sandbox-registry-key", Duration.ofSeconds(5), 3, Duration.ofMillis(250), Backoff.LINEAR, 5, Duration.ofSeconds(60));
    private static final ProviderSettings BIOMETRICS = new ProviderSettings("biometrics", "http://127.0.0.1:8099",
            "sandbox-biometrics-key", Duration.ofSeconds(10), 2, Duration.ofMillis(250), Backoff.LINEAR, 5, Duration.ofSeconds(60));
    /** "No retry (manual)" and no circuit breaker: a screening that did not answer goes to an analyst. */
    private static final ProviderSettings SCREENING = new ProviderSettings("screening", "http://127.0.0.1:8099",
            "sandbox-screening-key", Duration.ofSeconds(20), 1, Duration.ofMillis(250), Backoff.LINEAR, 0, Duration.ofSeconds(60));
    /** Retried with a growing pause: safe, as the provider answers a repeated requestId with the same signature. */
    private static final ProviderSettings ESIGN = new ProviderSettings("esign", "http://127.0.0.1:8099",
            "sandbox-esign-key", Duration.ofSeconds(30), 3, Duration.ofMillis(500), Backoff.EXPONENTIAL, 5, Duration.ofSeconds(60));

    @Bean
    IdentityRegistryClient identityRegistryClient(Environment environment, JsonMapper json) {
        return new IdentityRegistryClient(settings(environment, REGISTRY), json);
    }

    @Bean
    BiometricsClient biometricsClient(Environment environment, JsonMapper json) {
        return new BiometricsClient(settings(environment, BIOMETRICS), json);
    }

    @Bean
    ScreeningClient screeningClient(Environment environment, JsonMapper json) {
        return new ScreeningClient(settings(environment, SCREENING), json);
    }

    @Bean
    ESignatureClient eSignatureClient(Environment environment, JsonMapper json) {
        return new ESignatureClient(settings(environment, ESIGN), json);
    }

    /** The SMTP server and its time limits are Spring Boot's {@code spring.mail.*} settings. */
    @Bean
    ContractMailer contractMailer(JavaMailSender mailSender,
                                  @Value("${quipu.customers.mail.from:Quipu <no-reply@quipu.local>}") String from,
                                  @Value("${quipu.customers.mail.max-attempts:3}") int maxAttempts,
                                  @Value("${quipu.customers.mail.retry-wait:500ms}") Duration retryWait) {
        return new ContractMailer(mailSender, from, maxAttempts, retryWait);
    }

    static ProviderSettings settings(Environment environment, ProviderSettings defaults) {
        return ProviderSettings.bind(environment, PREFIX + defaults.provider(), defaults);
    }
}

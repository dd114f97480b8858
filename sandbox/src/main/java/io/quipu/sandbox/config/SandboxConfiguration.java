package io.quipu.sandbox.config;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.quipu.sandbox.api.ApiKeyInterceptor;
import io.quipu.sandbox.api.FaultInjectionInterceptor;
import io.quipu.sandbox.domain.BoundedStore;
import io.quipu.sandbox.domain.biometrics.BiometricVerification;
import io.quipu.sandbox.domain.esign.SignatureArchive;
import io.quipu.sandbox.domain.faults.FaultBook;
import io.quipu.sandbox.domain.faults.Provider;
import io.quipu.sandbox.domain.mail.Mailbox;
import io.quipu.sandbox.domain.registry.IdentityRegistry;
import io.quipu.sandbox.domain.registry.NameLists;
import io.quipu.sandbox.domain.registry.SyntheticPersons;
import io.quipu.sandbox.domain.screening.Watchlists;
import io.quipu.sandbox.domain.sms.SmsInbox;
import io.quipu.sandbox.esign.PdfSigner;
import io.quipu.sandbox.esign.SigningIdentity;
import io.quipu.sandbox.smtp.SmtpMailServer;

@Configuration(proxyBeanMethods = false)
public class SandboxConfiguration implements WebMvcConfigurer {

    private final SandboxProperties properties;
    /** One book, read by the fault interceptor and written through /sandbox/faults. */
    private final FaultBook faultBook = new FaultBook();

    public SandboxConfiguration(SandboxProperties properties) {
        this.properties = properties;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    Mailbox mailbox() {
        return new Mailbox(properties.mailCapacity(), properties.mailMaxStoredBytes().toBytes());
    }

    @Bean
    SmsInbox smsInbox() {
        return new SmsInbox(properties.smsCapacity());
    }

    @Bean
    SmtpMailServer smtpMailServer(Mailbox mailbox, Clock clock) {
        return new SmtpMailServer(properties.smtpBindAddress(), properties.smtpPort(), mailbox, clock);
    }

    @Bean
    IdentityRegistry identityRegistry() {
        return new IdentityRegistry(properties.registryCapacity(), new SyntheticPersons(NameLists.bundled()));
    }

    /** The biometric provider's verifications: the e-signature provider reads them to confirm a signer. */
    @Bean
    BoundedStore<UUID, BiometricVerification> biometricVerifications() {
        return new BoundedStore<>(properties.biometricsCapacity());
    }

    @Bean
    Watchlists watchlists() {
        return Watchlists.bundled(properties.screeningAddedCapacity());
    }

    @Bean
    SigningIdentity signingIdentity(Clock clock) {
        return SigningIdentity.generate(clock);
    }

    @Bean
    PdfSigner pdfSigner(SigningIdentity signingIdentity) {
        return new PdfSigner(signingIdentity);
    }

    @Bean
    SignatureArchive signatureArchive() {
        return new SignatureArchive(properties.esignCapacity(), properties.esignMaxStoredBytes().toBytes());
    }

    @Bean
    FaultBook faultBook() {
        return faultBook;
    }

    /**
     * Faults first: a provider that is down answers 503 whatever the key. Then each provider's API key, checked before
     * the body is read, as a provider's edge would. The sandbox's own control paths ({@code /sandbox/**}) need no key.
     */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new FaultInjectionInterceptor(faultBook))
                .addPathPatterns(Arrays.stream(Provider.values()).map(Provider::apiPathPattern).toList());
        registry.addInterceptor(new ApiKeyInterceptor(properties.smsApiKey())).addPathPatterns("/sms/v1/**");
        Map<Provider, String> apiKeys = Map.of(Provider.REGISTRY, properties.registryApiKey(),
                Provider.BIOMETRICS, properties.biometricsApiKey(), Provider.SCREENING, properties.screeningApiKey(),
                Provider.ESIGN, properties.esignApiKey());
        apiKeys.forEach((provider, apiKey) ->
                registry.addInterceptor(new ApiKeyInterceptor(apiKey)).addPathPatterns(provider.apiPathPattern()));
    }
}

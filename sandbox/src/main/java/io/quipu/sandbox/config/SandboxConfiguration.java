package io.quipu.sandbox.config;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.quipu.sandbox.api.ApiKeyInterceptor;
import io.quipu.sandbox.api.FaultInjectionInterceptor;
import io.quipu.sandbox.delivery.SettlementClock;
import io.quipu.sandbox.delivery.SettlementDesk;
import io.quipu.sandbox.delivery.WebhookSender;
import io.quipu.sandbox.domain.BoundedStore;
import io.quipu.sandbox.domain.biometrics.BiometricVerification;
import io.quipu.sandbox.domain.clearing.TraceNumbers;
import io.quipu.sandbox.domain.clearing.TransferInstruction;
import io.quipu.sandbox.domain.fx.FxRates;
import io.quipu.sandbox.domain.settlement.SettlementBook;
import io.quipu.sandbox.domain.settlement.SettlementRecord;
import io.quipu.sandbox.domain.swift.PaymentInstruction;
import io.quipu.sandbox.domain.webhooks.RetrySchedule;
import io.quipu.sandbox.domain.esign.SignatureArchive;
import io.quipu.sandbox.domain.faults.FaultBook;
import io.quipu.sandbox.domain.faults.Provider;
import io.quipu.sandbox.domain.mail.Mailbox;
import io.quipu.sandbox.domain.push.PushInbox;
import io.quipu.sandbox.domain.push.PushTokens;
import io.quipu.sandbox.domain.push.RegisteredDevice;
import io.quipu.sandbox.domain.registry.IdentityRegistry;
import io.quipu.sandbox.domain.registry.NameLists;
import io.quipu.sandbox.domain.registry.SyntheticPersons;
import io.quipu.sandbox.domain.screening.Watchlists;
import io.quipu.sandbox.domain.sms.SmsInbox;
import io.quipu.sandbox.esign.PdfSigner;
import io.quipu.sandbox.esign.SigningIdentity;
import io.quipu.sandbox.smtp.SmtpMailServer;
import tools.jackson.databind.json.JsonMapper;

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
    PushInbox pushInbox() {
        return new PushInbox(properties.pushCapacity());
    }

    /** The push provider's registration tokens: the oldest go first, and a send to a forgotten one is unregistered. */
    @Bean
    BoundedStore<String, RegisteredDevice> pushDevices() {
        return new BoundedStore<>(properties.pushDeviceCapacity());
    }

    @Bean
    PushTokens pushTokens() {
        return new PushTokens();
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

    /** How often the clearing house and the SWIFT-like network look for transfers to settle or return. */
    static final Duration SETTLEMENT_TICK = Duration.ofMillis(50);
    public static final String CLEARING_SIGNATURE_HEADER = "X-Clearing-Signature";
    public static final String SWIFT_SIGNATURE_HEADER = "X-Swift-Signature";

    @Bean(destroyMethod = "close")
    WebhookSender webhookSender() {
        return new WebhookSender(new RetrySchedule(properties.webhookFirstRetryDelay()), properties.webhookCapacity());
    }

    @Bean
    TraceNumbers traceNumbers() {
        return new TraceNumbers(new SecureRandom().nextLong());
    }

    @Bean
    SettlementDesk<TransferInstruction> clearingDesk(Clock clock, WebhookSender webhookSender, JsonMapper jsonMapper) {
        SandboxProperties.Clearing clearing = properties.clearing();
        return new SettlementDesk<>(new SettlementBook<>(clearing.capacity(), clearing.settlementDelay(), clearing.returnDelay()),
                clock, webhookSender, CLEARING_SIGNATURE_HEADER, clearing.webhookSecret(), TransferInstruction::callbackUrl,
                SandboxConfiguration::clearingNotification, jsonMapper);
    }

    @Bean
    SettlementDesk<PaymentInstruction> swiftDesk(Clock clock, WebhookSender webhookSender, JsonMapper jsonMapper) {
        SandboxProperties.Swift swift = properties.swift();
        return new SettlementDesk<>(new SettlementBook<>(swift.capacity(), swift.settlementDelay(), swift.returnDelay()),
                clock, webhookSender, SWIFT_SIGNATURE_HEADER, swift.webhookSecret(), PaymentInstruction::callbackUrl,
                SandboxConfiguration::swiftNotification, jsonMapper);
    }

    @Bean(destroyMethod = "close")
    SettlementClock settlementClock(SettlementDesk<TransferInstruction> clearingDesk, SettlementDesk<PaymentInstruction> swiftDesk) {
        return new SettlementClock(List.of(clearingDesk, swiftDesk), SETTLEMENT_TICK);
    }

    @Bean
    FxRates fxRates() {
        return new FxRates();
    }

    /** The clearing house's notification: {traceNumber, instructionId, status, returnCode, at}. */
    static Map<String, Object> clearingNotification(SettlementRecord<TransferInstruction> transfer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("traceNumber", transfer.id());
        body.put("instructionId", transfer.idempotencyKey());
        body.put("status", transfer.status().apiName());
        body.put("returnCode", transfer.returnCode());
        body.put("at", transfer.statusAt().toString());
        return body;
    }

    /** The SWIFT-like network's notification: {uetr, status, returnCode, at}. */
    static Map<String, Object> swiftNotification(SettlementRecord<PaymentInstruction> payment) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("uetr", payment.id());
        body.put("status", payment.status().apiName());
        body.put("returnCode", payment.returnCode());
        body.put("at", payment.statusAt().toString());
        return body;
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
                Provider.ESIGN, properties.esignApiKey(), Provider.CLEARING, properties.clearingApiKey(),
                Provider.SWIFT, properties.swiftApiKey(), Provider.FX, properties.fxApiKey(),
                Provider.PUSH, properties.pushApiKey());
        apiKeys.forEach((provider, apiKey) ->
                registry.addInterceptor(new ApiKeyInterceptor(apiKey)).addPathPatterns(provider.apiPathPattern()));
    }
}

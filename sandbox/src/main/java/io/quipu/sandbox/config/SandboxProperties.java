package io.quipu.sandbox.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the simulators.
 *
 * @param smtpPort                 the SMTP mailbox's port; 0 lets the system choose one (tests)
 * @param smtpBindAddress          the address the SMTP mailbox listens on
 * @param mailCapacity             how many e-mails the mailbox keeps; the oldest go first
 * @param mailMaxStoredBytes       how much the mailbox's e-mails may hold in all; the oldest go first
 * @param smsCapacity              how many SMS the inbox keeps; the oldest go first
 * @param smsApiKey                the key clients of the SMS gateway send in {@code X-Api-Key}
 * @param pushApiKey               the key clients of the push provider send in {@code X-Api-Key}
 * @param pushCapacity             how many push messages the inbox keeps; the oldest go first
 * @param pushDeviceCapacity       how many registered devices (tokens) the push provider keeps; the oldest go first
 * @param registryApiKey           the key clients of the identity registry send in {@code X-Api-Key}
 * @param registryCapacity         how many persons set through the control panel the registry keeps; the oldest go first
 * @param biometricsApiKey         the key clients of the biometric provider send in {@code X-Api-Key}
 * @param biometricsCapacity       how many verifications the biometric provider keeps; the oldest go first
 * @param screeningApiKey          the key clients of the screening provider send in {@code X-Api-Key}
 * @param screeningAddedCapacity   how many list entries added at runtime the screening provider keeps; the oldest go first
 * @param esignApiKey              the key clients of the e-signature provider send in {@code X-Api-Key}
 * @param esignCapacity            how many signed documents the e-signature provider keeps; the oldest go first
 * @param esignMaxStoredBytes      how much the signed documents may hold in all; the oldest go first
 * @param clearingApiKey           the key clients of the clearing house send in {@code X-Api-Key}
 * @param clearing                 the clearing house's timing, webhook secret and capacity
 * @param swiftApiKey              the key clients of the SWIFT-like network send in {@code X-Api-Key}
 * @param swift                    the SWIFT-like network's timing, webhook secret and capacity
 * @param fxApiKey                 the key clients of the FX rates provider send in {@code X-Api-Key}
 * @param webhookFirstRetryDelay   the pause before the first retry of a failed notification; doubled for each of 3 retries
 * @param webhookCapacity          how many notifications may be in flight or waiting for a retry; beyond, new ones are dropped
 */
@ConfigurationProperties("quipu.sandbox")
public record SandboxProperties(
        @DefaultValue("2525") int smtpPort,
        @DefaultValue("127.0.0.1") String smtpBindAddress,
        @DefaultValue("10000") int mailCapacity,
        @DefaultValue("256MB") DataSize mailMaxStoredBytes,
        @DefaultValue("10000") int smsCapacity,
        @DefaultValue("sandbox-sms-key") String smsApiKey,
        @DefaultValue("sandbox-push-key") String pushApiKey,
        @DefaultValue("10000") int pushCapacity,
        @DefaultValue("10000") int pushDeviceCapacity,
        @DefaultValue("sandbox-registry-key") String registryApiKey,
        @DefaultValue("10000") int registryCapacity,
        @DefaultValue("sandbox-biometrics-key") String biometricsApiKey,
        @DefaultValue("10000") int biometricsCapacity,
        @DefaultValue("sandbox-screening-key") String screeningApiKey,
        @DefaultValue("1000") int screeningAddedCapacity,
        @DefaultValue("sandbox-esign-key") String esignApiKey,
        @DefaultValue("1000") int esignCapacity,
        @DefaultValue("256MB") DataSize esignMaxStoredBytes,
        @DefaultValue("sandbox-clearing-key") String clearingApiKey,
        @DefaultValue Clearing clearing,
        @DefaultValue("sandbox-swift-key") String swiftApiKey,
        @DefaultValue Swift swift,
        @DefaultValue("sandbox-fx-key") String fxApiKey,
        @DefaultValue("1s") Duration webhookFirstRetryDelay,
        @DefaultValue("1000") int webhookCapacity) {

    /**
     * The clearing house ({@code quipu.sandbox.clearing.*}).
     *
     * @param settlementDelay how long after acceptance a transfer settles (T+0 immediate transfers)
     * @param returnDelay     how long after settlement a transfer to a 903 or 904 account is returned
     * @param webhookSecret   the HMAC-SHA256 key of {@code X-Clearing-Signature}
     * @param capacity        how many transfers are kept; the oldest go first
     */
    public record Clearing(@DefaultValue("2s") Duration settlementDelay, @DefaultValue("3s") Duration returnDelay,
            @DefaultValue("sandbox-clearing-webhook-secret") String webhookSecret, @DefaultValue("10000") int capacity) {
        public Clearing {
            requireNotNegative("clearing.settlement-delay", settlementDelay);
            requireNotNegative("clearing.return-delay", returnDelay);
            requireKey("clearing.webhook-secret", webhookSecret);
            requirePositive("clearing.capacity", capacity);
        }
    }

    /**
     * The SWIFT-like network ({@code quipu.sandbox.swift.*}).
     *
     * @param settlementDelay how long after acceptance a payment settles
     * @param returnDelay     how long after settlement a payment to an IBAN ending in 999 is returned
     * @param webhookSecret   the HMAC-SHA256 key of {@code X-Swift-Signature}
     * @param capacity        how many payments are kept; the oldest go first
     */
    public record Swift(@DefaultValue("2s") Duration settlementDelay, @DefaultValue("3s") Duration returnDelay,
            @DefaultValue("sandbox-swift-webhook-secret") String webhookSecret, @DefaultValue("10000") int capacity) {
        public Swift {
            requireNotNegative("swift.settlement-delay", settlementDelay);
            requireNotNegative("swift.return-delay", returnDelay);
            requireKey("swift.webhook-secret", webhookSecret);
            requirePositive("swift.capacity", capacity);
        }
    }

    public SandboxProperties {
        if (smtpPort < 0 || smtpPort > 65_535) {
            throw new IllegalArgumentException("quipu.sandbox.smtp-port must be 0-65535: " + smtpPort);
        }
        requireKey("sms-api-key", smsApiKey);
        requireKey("push-api-key", pushApiKey);
        requireKey("registry-api-key", registryApiKey);
        requireKey("biometrics-api-key", biometricsApiKey);
        requireKey("screening-api-key", screeningApiKey);
        requireKey("esign-api-key", esignApiKey);
        requireKey("clearing-api-key", clearingApiKey);
        requireKey("swift-api-key", swiftApiKey);
        requireKey("fx-api-key", fxApiKey);
        if (clearing == null || swift == null) {
            throw new IllegalArgumentException("quipu.sandbox.clearing and quipu.sandbox.swift must be set");
        }
        requireNotNegative("webhook-first-retry-delay", webhookFirstRetryDelay);
        requirePositive("webhook-capacity", webhookCapacity);
        requirePositive("mail-capacity", mailCapacity);
        requirePositive("sms-capacity", smsCapacity);
        requirePositive("push-capacity", pushCapacity);
        requirePositive("push-device-capacity", pushDeviceCapacity);
        requirePositive("registry-capacity", registryCapacity);
        requirePositive("biometrics-capacity", biometricsCapacity);
        requirePositive("screening-added-capacity", screeningAddedCapacity);
        requirePositive("esign-capacity", esignCapacity);
        if (mailMaxStoredBytes == null || mailMaxStoredBytes.toBytes() < 1) {
            throw new IllegalArgumentException("quipu.sandbox.mail-max-stored-bytes must be positive");
        }
        if (esignMaxStoredBytes == null || esignMaxStoredBytes.toBytes() < 1) {
            throw new IllegalArgumentException("quipu.sandbox.esign-max-stored-bytes must be positive");
        }
    }

    private static void requireKey(String name, String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("quipu.sandbox." + name + " must not be blank");
        }
    }

    private static void requireNotNegative(String name, Duration duration) {
        if (duration == null || duration.isNegative()) {
            throw new IllegalArgumentException("quipu.sandbox." + name + " must not be negative: " + duration);
        }
    }

    private static void requirePositive(String name, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("quipu.sandbox." + name + " must be positive: " + capacity);
        }
    }
}

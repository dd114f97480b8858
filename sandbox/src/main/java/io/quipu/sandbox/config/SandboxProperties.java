package io.quipu.sandbox.config;

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
 * @param registryApiKey           the key clients of the identity registry send in {@code X-Api-Key}
 * @param registryCapacity         how many persons set through the control panel the registry keeps; the oldest go first
 * @param biometricsApiKey         the key clients of the biometric provider send in {@code X-Api-Key}
 * @param biometricsCapacity       how many verifications the biometric provider keeps; the oldest go first
 * @param screeningApiKey          the key clients of the screening provider send in {@code X-Api-Key}
 * @param screeningAddedCapacity   how many list entries added at runtime the screening provider keeps; the oldest go first
 * @param esignApiKey              the key clients of the e-signature provider send in {@code X-Api-Key}
 * @param esignCapacity            how many signed documents the e-signature provider keeps; the oldest go first
 * @param esignMaxStoredBytes      how much the signed documents may hold in all; the oldest go first
 */
@ConfigurationProperties("quipu.sandbox")
public record SandboxProperties(
        @DefaultValue("2525") int smtpPort,
        @DefaultValue("127.0.0.1") String smtpBindAddress,
        @DefaultValue("10000") int mailCapacity,
        @DefaultValue("256MB") DataSize mailMaxStoredBytes,
        @DefaultValue("10000") int smsCapacity,
        @DefaultValue("sandbox-sms-key") String smsApiKey,
        @DefaultValue("sandbox-registry-key") String registryApiKey,
        @DefaultValue("10000") int registryCapacity,
        @DefaultValue("sandbox-biometrics-key") String biometricsApiKey,
        @DefaultValue("10000") int biometricsCapacity,
        @DefaultValue("sandbox-screening-key") String screeningApiKey,
        @DefaultValue("1000") int screeningAddedCapacity,
        @DefaultValue("sandbox-esign-key") String esignApiKey,
        @DefaultValue("1000") int esignCapacity,
        @DefaultValue("256MB") DataSize esignMaxStoredBytes) {

    public SandboxProperties {
        if (smtpPort < 0 || smtpPort > 65_535) {
            throw new IllegalArgumentException("quipu.sandbox.smtp-port must be 0-65535: " + smtpPort);
        }
        requireKey("sms-api-key", smsApiKey);
        requireKey("registry-api-key", registryApiKey);
        requireKey("biometrics-api-key", biometricsApiKey);
        requireKey("screening-api-key", screeningApiKey);
        requireKey("esign-api-key", esignApiKey);
        requirePositive("mail-capacity", mailCapacity);
        requirePositive("sms-capacity", smsCapacity);
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

    private static void requirePositive(String name, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("quipu.sandbox." + name + " must be positive: " + capacity);
        }
    }
}

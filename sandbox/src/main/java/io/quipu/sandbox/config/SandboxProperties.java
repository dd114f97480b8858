package io.quipu.sandbox.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the simulators.
 *
 * @param smtpPort            the SMTP mailbox's port; 0 lets the system choose one (tests)
 * @param smtpBindAddress     the address the SMTP mailbox listens on
 * @param mailCapacity        how many e-mails the mailbox keeps; the oldest go first
 * @param mailMaxStoredBytes  how much the mailbox's e-mails may hold in all; the oldest go first
 * @param smsCapacity         how many SMS the inbox keeps; the oldest go first
 * @param smsApiKey           the key clients of the SMS gateway send in {@code X-Api-Key}
 */
@ConfigurationProperties("quipu.sandbox")
public record SandboxProperties(
        @DefaultValue("2525") int smtpPort,
        @DefaultValue("127.0.0.1") String smtpBindAddress,
        @DefaultValue("10000") int mailCapacity,
        @DefaultValue("256MB") DataSize mailMaxStoredBytes,
        @DefaultValue("10000") int smsCapacity,
        @DefaultValue("sandbox-sms-key") String smsApiKey) {

    public SandboxProperties {
        if (smtpPort < 0 || smtpPort > 65_535) {
            throw new IllegalArgumentException("quipu.sandbox.smtp-port must be 0-65535: " + smtpPort);
        }
        if (smsApiKey == null || smsApiKey.isBlank()) {
            throw new IllegalArgumentException("quipu.sandbox.sms-api-key must not be blank");
        }
    }
}

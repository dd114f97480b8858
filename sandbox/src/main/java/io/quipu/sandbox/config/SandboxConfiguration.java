package io.quipu.sandbox.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.quipu.sandbox.api.SmsApiKeyInterceptor;
import io.quipu.sandbox.domain.mail.Mailbox;
import io.quipu.sandbox.domain.sms.SmsInbox;
import io.quipu.sandbox.smtp.SmtpMailServer;

@Configuration(proxyBeanMethods = false)
public class SandboxConfiguration implements WebMvcConfigurer {

    private final SandboxProperties properties;

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

    /** The SMS gateway's API key is checked before the body is read, as a provider's edge would. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new SmsApiKeyInterceptor(properties.smsApiKey())).addPathPatterns("/sms/v1/**");
    }
}

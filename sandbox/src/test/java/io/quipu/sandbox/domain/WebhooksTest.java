package io.quipu.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quipu.sandbox.domain.webhooks.CallbackUrls;
import io.quipu.sandbox.domain.webhooks.RetrySchedule;
import io.quipu.sandbox.domain.webhooks.WebhookSignatures;

class WebhooksTest {

    @Test
    void signsWithHmacSha256AsRfc4231Says() {
        byte[] body = "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignatures.sign("Jefe", body);
        assertThat(signature).isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(WebhookSignatures.verify("Jefe", body, signature)).isTrue();
        assertThat(WebhookSignatures.verify("jefe", body, signature)).isFalse();
        assertThat(WebhookSignatures.verify("Jefe", "other".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(WebhookSignatures.verify("Jefe", body, null)).isFalse();
    }

    @Test
    void retriesThreeTimesAfterOneTwoAndFourSeconds() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(1));
        assertThat(schedule.pauseBefore(1)).contains(Duration.ofSeconds(1));
        assertThat(schedule.pauseBefore(2)).contains(Duration.ofSeconds(2));
        assertThat(schedule.pauseBefore(3)).contains(Duration.ofSeconds(4));
        assertThat(schedule.pauseBefore(4)).isEmpty();
    }

    @Test
    void acceptsOnlyHttpCallbackUrls() {
        assertThat(CallbackUrls.check("callbackUrl", null)).isEmpty();
        assertThat(CallbackUrls.check("callbackUrl", "https://payments.quipu.local:8084/hooks/clearing")).isEmpty();
        assertThat(CallbackUrls.check("callbackUrl", "http://127.0.0.1:9000/x")).isEmpty();
        assertThat(CallbackUrls.check("callbackUrl", "ftp://example.com/x")).map(Violation::code).contains("invalid_url");
        assertThat(CallbackUrls.check("callbackUrl", "/relative")).map(Violation::code).contains("invalid_url");
        assertThat(CallbackUrls.check("callbackUrl", "http://user:pw@example.com/")).map(Violation::code).contains("invalid_url");
        assertThat(CallbackUrls.check("callbackUrl", "http://exa mple.com/")).map(Violation::code).contains("invalid_url");
        assertThat(CallbackUrls.check("callbackUrl", "https://example.com/" + "x".repeat(2_000))).map(Violation::code).contains("too_long");
    }
}

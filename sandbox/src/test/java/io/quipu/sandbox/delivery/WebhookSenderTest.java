package io.quipu.sandbox.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quipu.sandbox.domain.webhooks.RetrySchedule;

class WebhookSenderTest {

    @Test
    void keepsAtMostItsCapacityPendingAndDropsTheRest() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (WebhookSender sender = new WebhookSender(new RetrySchedule(Duration.ofSeconds(30)), 1)) {
            WebhookSender.Notification notification = new WebhookSender.Notification(
                    URI.create("http://127.0.0.1:" + closedPort + "/hook"), "{}".getBytes(StandardCharsets.UTF_8),
                    "X-Test-Signature", "secret");
            assertThat(sender.send(notification)).isTrue();
            assertThat(sender.send(notification)).as("the first waits for its retry: full").isFalse();
            Thread.sleep(300);
            assertThat(sender.pending()).as("refused, waiting 30 s for the first retry").isEqualTo(1);
        }
    }

    @Test
    void aNotificationThatIsGivenUpFreesItsPlace() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (WebhookSender sender = new WebhookSender(new RetrySchedule(Duration.ofMillis(10)), 1)) {
            assertThat(sender.send(new WebhookSender.Notification(URI.create("http://127.0.0.1:" + closedPort + "/hook"),
                    new byte[0], "X-Test-Signature", "secret"))).isTrue();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (sender.pending() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(sender.pending()).as("4 attempts, then given up").isZero();
        }
    }
}

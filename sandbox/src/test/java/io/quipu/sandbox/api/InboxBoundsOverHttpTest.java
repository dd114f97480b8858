package io.quipu.sandbox.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import io.quipu.sandbox.smtp.SmtpMailServer;

/** The inboxes keep only the newest messages, with small capacities to see it happen. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"quipu.sandbox.smtp-port=0", "quipu.sandbox.sms-capacity=3", "quipu.sandbox.mail-capacity=2",
                "quipu.sandbox.push-capacity=3", "quipu.sandbox.push-device-capacity=2"})
class InboxBoundsOverHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    SmtpMailServer smtpMailServer;

    @Test
    void theSmsInboxDropsTheOldestMessages() {
        HttpTestClient http = new HttpTestClient(port);
        for (int number = 1; number <= 5; number++) {
            assertThat(http.postJson("/sms/v1/messages", Map.of("to", "+51933333333", "text", "message " + number),
                    Map.of("X-Api-Key", "sandbox-sms-key")).status()).isEqualTo(202);
        }
        List<String> texts = new ArrayList<>();
        http.get("/sandbox/sms").json().forEach(sms -> texts.add(sms.get("text").asString()));
        assertThat(texts).containsExactly("message 5", "message 4", "message 3");
    }

    @Test
    void thePushProviderDropsTheOldestMessagesAndForgetsTheOldestDevices() {
        HttpTestClient http = new HttpTestClient(port);
        List<String> tokens = new ArrayList<>();
        for (int device = 1; device <= 3; device++) {
            tokens.add(http.postJson("/sandbox/push/devices", Map.of("platform", "android"), Map.of()).json().get("token").asString());
        }
        for (int number = 1; number <= 5; number++) {
            assertThat(http.postJson("/push/v1/messages", Map.of("token", tokens.get(2), "title", "message " + number, "body", "b"),
                    PushApiTest.PUSH_KEY).status()).isEqualTo(200);
        }
        List<String> titles = new ArrayList<>();
        http.get("/sandbox/push").json().forEach(push -> titles.add(push.get("title").asString()));
        assertThat(titles).containsExactly("message 5", "message 4", "message 3");
        assertThat(http.postJson("/push/v1/messages", Map.of("token", tokens.get(0), "title", "t", "body", "b"),
                PushApiTest.PUSH_KEY).status()).as("the oldest token was forgotten: unregistered").isEqualTo(404);
        assertThat(http.postJson("/push/v1/messages", Map.of("token", tokens.get(1), "title", "t", "body", "b"),
                PushApiTest.PUSH_KEY).status()).isEqualTo(200);
    }

    @Test
    void theMailboxDropsTheOldestMailsAndAcceptsSendersThatAuthenticate() throws Exception {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtpMailServer.port());
        // A service configured for a real provider's SMTP server authenticates; the sandbox lets it.
        sender.setUsername("notifications");
        sender.setPassword("any-password");
        Properties properties = new Properties();
        properties.put("mail.smtp.auth", "true");
        sender.setJavaMailProperties(properties);
        for (int number = 1; number <= 3; number++) {
            MimeMessage message = sender.createMimeMessage();
            message.setFrom(new InternetAddress("no-reply@quipu.io"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress("bounds@example.com"));
            message.setSubject("mail " + number);
            message.setText("text");
            sender.send(message);
        }
        HttpTestClient http = new HttpTestClient(port);
        List<String> subjects = new ArrayList<>();
        http.get("/sandbox/mail").json().forEach(mail -> subjects.add(mail.get("subject").asString()));
        assertThat(subjects).containsExactly("mail 3", "mail 2");
    }
}

package io.quipu.sandbox.api;

import static io.quipu.sandbox.api.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import io.quipu.sandbox.smtp.SmtpMailServer;
import tools.jackson.databind.JsonNode;

/** The sandbox over real HTTP and real SMTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "quipu.sandbox.smtp-port=0")
class SandboxApiTest {

    private static final Map<String, String> RIGHT_KEY = Map.of("X-Api-Key", "sandbox-sms-key");

    @LocalServerPort
    int port;

    @Autowired
    SmtpMailServer smtpMailServer;

    HttpTestClient http;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
    }

    @Test
    void anEmailSentThroughSmtpCanBeReadAndItsAttachmentDownloaded() throws Exception {
        String customer = "ana." + UUID.randomUUID() + "@example.com";
        String auditor = "auditor." + UUID.randomUUID() + "@example.com";
        byte[] contract = "%PDF-1.7 the signed contract ñ".getBytes(StandardCharsets.UTF_8);

        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtpMailServer.port());
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom("Quipu <no-reply@quipu.io>");
        helper.setTo(customer);
        helper.setBcc(auditor);
        helper.setSubject("Tu contrato firmado");
        helper.setText("Hola Ana, adjuntamos tu contrato.", "<p>Hola Ana, adjuntamos tu contrato.</p>");
        helper.addAttachment("contrato firmado.pdf", new ByteArrayResource(contract), "application/pdf");
        sender.send(message);

        HttpTestClient.Reply list = http.get("/sandbox/mail?to=" + customer.toUpperCase());
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        JsonNode mail = list.json().get(0);
        assertThat(mail.get("from").asString()).isEqualTo("Quipu <no-reply@quipu.io>");
        assertThat(mail.get("to")).extracting(JsonNode::asString).containsExactlyInAnyOrder(customer, auditor);
        assertThat(mail.get("subject").asString()).isEqualTo("Tu contrato firmado");
        assertThat(mail.get("textBody").asString()).isEqualTo("Hola Ana, adjuntamos tu contrato.");
        assertThat(mail.get("htmlBody").asString()).isEqualTo("<p>Hola Ana, adjuntamos tu contrato.</p>");
        assertThat(mail.get("receivedAt").asString()).isNotBlank();
        JsonNode attachment = mail.get("attachments").get(0);
        assertThat(attachment.get("filename").asString()).isEqualTo("contrato firmado.pdf");
        assertThat(attachment.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(attachment.get("sizeBytes").asInt()).isEqualTo(contract.length);

        String id = mail.get("id").asString();
        assertThat(http.get("/sandbox/mail?to=" + auditor).json()).as("a Bcc recipient's mailbox has it too").hasSize(1);
        assertThat(http.get("/sandbox/mail/" + id).json().get("subject").asString()).isEqualTo("Tu contrato firmado");

        HttpTestClient.Reply download = http.get("/sandbox/mail/" + id + "/attachments/0");
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(download.header("Content-Disposition")).startsWith("attachment;");
        assertThat(download.body()).isEqualTo(contract);

        assertProblem(http.get("/sandbox/mail/" + id + "/attachments/1"), 404, "attachment_not_found");
        assertProblem(http.get("/sandbox/mail/" + UUID.randomUUID()), 404, "mail_not_found");
        assertProblem(http.get("/sandbox/mail/not-a-uuid"), 400, "invalid_parameter");
    }

    @Test
    void theMailboxListsNewestFirstWithinTheLimit() throws Exception {
        String customer = "luis." + UUID.randomUUID() + "@example.com";
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtpMailServer.port());
        for (int number = 1; number <= 3; number++) {
            MimeMessage message = sender.createMimeMessage();
            message.setFrom(new InternetAddress("no-reply@quipu.io"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(customer));
            message.setSubject("message " + number);
            message.setText("text " + number);
            sender.send(message);
        }
        List<String> subjects = new ArrayList<>();
        http.get("/sandbox/mail?limit=2&to=" + customer).json().forEach(mail -> subjects.add(mail.get("subject").asString()));
        assertThat(subjects).containsExactly("message 3", "message 2");

        assertProblem(http.get("/sandbox/mail?limit=0"), 400, "validation_failed");
        assertProblem(http.get("/sandbox/mail?limit=101"), 400, "validation_failed");
        assertProblem(http.get("/sandbox/mail?limit=many"), 400, "invalid_parameter");
    }

    @Test
    void theSmsGatewayRefusesAMissingOrWrongApiKey() {
        Map<String, String> sms = Map.of("to", "+51987654321", "text", "Your code is 123456");
        assertProblem(http.postJson("/sms/v1/messages", sms, Map.of()), 401, "missing_api_key");
        HttpTestClient.Reply wrongKey = http.postJson("/sms/v1/messages", sms, Map.of("X-Api-Key", "guess"));
        assertProblem(wrongKey, 401, "invalid_api_key");
        assertThat(wrongKey.header("WWW-Authenticate")).contains("X-Api-Key");
        assertProblem(http.postJson("/sms/v1/messages", "{not json", Map.of()), 401, "missing_api_key");
    }

    @Test
    void theSmsGatewayRefusesInvalidFieldsWithFieldErrors() {
        HttpTestClient.Reply badPhone = http.postJson("/sms/v1/messages", Map.of("to", "987654321", "text", "hi"), RIGHT_KEY);
        assertProblem(badPhone, 400, "validation_failed");
        assertThat(badPhone.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
        assertThat(badPhone.json().get("errors").get(0).get("code").asString()).isEqualTo("invalid_phone_number");

        HttpTestClient.Reply tooLong = http.postJson("/sms/v1/messages", Map.of("to", "+51987654321", "text", "a".repeat(919)), RIGHT_KEY);
        assertProblem(tooLong, 400, "validation_failed");
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("text");
        assertThat(tooLong.json().get("errors").get(0).get("code").asString()).isEqualTo("too_long");

        assertProblem(http.postJson("/sms/v1/messages", "{not json", RIGHT_KEY), 400, "malformed_json");
        assertProblem(http.postJson("/sms/v1/messages", "{\"to\": 5}", RIGHT_KEY), 400, "validation_failed");
    }

    @Test
    void anSmsSentThroughTheGatewayGivesItsOneTimePassword() {
        String phone = "+5198" + (1_000_000 + (int) (Math.random() * 8_999_999));
        HttpTestClient.Reply accepted = http.postJson("/sms/v1/messages",
                Map.of("to", phone, "text", "Quipu: tu codigo es 482913. Vence en 5 minutos.", "sender", "QUIPU"), RIGHT_KEY);
        assertThat(accepted.status()).isEqualTo(202);
        assertThat(accepted.json().get("status").asString()).isEqualTo("queued");
        assertThat(accepted.json().get("segments").asInt()).isEqualTo(1);
        String messageId = accepted.json().get("messageId").asString();
        assertThat(UUID.fromString(messageId)).isNotNull();

        HttpTestClient.Reply otp = http.get("/sandbox/sms/latest-otp?to=%2B" + phone.substring(1));
        assertThat(otp.status()).isEqualTo(200);
        assertThat(otp.json().get("otp").asString()).isEqualTo("482913");
        assertThat(otp.json().get("receivedAt").asString()).isNotBlank();
        assertThat(http.get("/sandbox/sms/latest-otp?to=+" + phone.substring(1)).json().get("otp").asString())
                .as("an unencoded + arrives as a space").isEqualTo("482913");

        http.postJson("/sms/v1/messages", Map.of("to", phone, "text", "Tu nuevo codigo: 700001"), RIGHT_KEY);
        assertThat(http.get("/sandbox/sms/latest-otp?to=%2B" + phone.substring(1)).json().get("otp").asString()).isEqualTo("700001");
        JsonNode inbox = http.get("/sandbox/sms?to=%2B" + phone.substring(1)).json();
        assertThat(inbox).hasSize(2);
        assertThat(inbox.get(0).get("text").asString()).isEqualTo("Tu nuevo codigo: 700001");
        assertThat(inbox.get(1).get("messageId").asString()).isEqualTo(messageId);
        assertThat(inbox.get(1).get("sender").asString()).isEqualTo("QUIPU");

        http.postJson("/sms/v1/messages", Map.of("to", phone, "text", "Ingresaste a Quipu."), RIGHT_KEY);
        assertProblem(http.get("/sandbox/sms/latest-otp?to=%2B" + phone.substring(1)), 404, "otp_not_found");
        assertProblem(http.get("/sandbox/sms/latest-otp?to=%2B51900000001"), 404, "sms_not_found");
        assertProblem(http.get("/sandbox/sms/latest-otp?to=12"), 400, "validation_failed");
    }

    @Test
    void clearingEmptiesTheInboxes() throws Exception {
        http.postJson("/sms/v1/messages", Map.of("to", "+51911111111", "text", "code 111111"), RIGHT_KEY);
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtpMailServer.port());
        MimeMessage message = sender.createMimeMessage();
        message.setFrom(new InternetAddress("no-reply@quipu.io"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("clear@example.com"));
        message.setSubject("to be cleared");
        message.setText("text");
        sender.send(message);
        assertThat(http.get("/sandbox/mail").json()).isNotEmpty();

        assertThat(http.delete("/sandbox/sms").status()).isEqualTo(204);
        assertThat(http.delete("/sandbox/mail").status()).isEqualTo(204);
        assertThat(http.get("/sandbox/sms").json()).isEmpty();
        assertThat(http.get("/sandbox/mail").json()).isEmpty();
    }

    @Test
    void theHomePageShowsMessagesEscaped() {
        http.postJson("/sms/v1/messages", Map.of("to", "+51922222222", "text", "<script>alert(1)</script> code 246810"), RIGHT_KEY);
        HttpTestClient.Reply page = http.get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(page.text()).contains("&lt;script&gt;alert(1)&lt;/script&gt; code 246810").doesNotContain("<script>");
        assertThat(page.text()).contains("+51922222222").contains("246810");
    }

    @Test
    void publishesItsOpenApiDocument() {
        HttpTestClient.Reply docs = http.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.has("/sms/v1/messages")).isTrue();
        assertThat(paths.has("/sandbox/sms/latest-otp")).isTrue();
        assertThat(paths.has("/sandbox/mail/{id}/attachments/{index}")).isTrue();
        assertThat(paths.has("/registry/v1/persons/{documentType}/{documentNumber}")).isTrue();
        assertThat(paths.has("/biometrics/v1/verifications")).isTrue();
        assertThat(paths.has("/screening/v1/checks")).isTrue();
        assertThat(paths.has("/esign/v1/signatures")).isTrue();
        assertThat(paths.has("/sandbox/faults/{provider}")).isTrue();
        assertThat(paths.has("/clearing/v1/transfers")).isTrue();
        assertThat(paths.has("/clearing/v1/transfers/{traceNumber}")).isTrue();
        assertThat(paths.has("/sandbox/clearing/transfers/{traceNumber}/return")).isTrue();
        assertThat(paths.has("/swift/v1/payments/{uetr}")).isTrue();
        assertThat(paths.has("/sandbox/swift/payments/{uetr}/settle")).isTrue();
        assertThat(paths.has("/fx/v1/rates")).isTrue();
        assertThat(paths.has("/sandbox/fx/rates/{base}/{quote}")).isTrue();
        assertThat(paths.has("/error")).isFalse();
        assertThat(docs.json().get("info").get("title").asString()).isEqualTo("Quipu sandbox");
    }

    @Test
    void exposesHealthProbes() {
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
    }
}

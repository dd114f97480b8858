package io.quipu.customers.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import io.quipu.customers.SandboxServer.Mail;
import io.quipu.customers.SandboxServer;
import io.quipu.customers.application.ContractDocument.ContractData;
import io.quipu.customers.application.ContractDocument;
import io.quipu.platform.clients.ProviderUnavailableException;

class ContractMailerTest {

    private static final byte[] CONTRACT = ContractDocument.render(new ContractData("CT-2026-000043", "José Núñez Peña",
            "DNI", "****1234", "jose@example.com", "1234567890124", "00212300123456789013", "USD",
            "Cuenta de Ahorros Quipu", LocalDate.of(2026, 11, 25), Locale.forLanguageTag("es")));

    private static JavaMailSenderImpl smtp(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.setDefaultEncoding("UTF-8");
        Properties limits = new Properties();
        limits.put("mail.smtp.connectiontimeout", "2000");
        limits.put("mail.smtp.timeout", "2000");
        limits.put("mail.smtp.writetimeout", "2000");
        sender.setJavaMailProperties(limits);
        return sender;
    }

    private static ContractMailer mailer(int port) {
        return new ContractMailer(smtp(port), "Quipu <no-reply@quipu.local>", 2, Duration.ofMillis(20));
    }

    @Test
    void mailsTheSignedContractInSpanishWithThePdfAttached() {
        String address = "jose-" + UUID.randomUUID() + "@example.com";

        mailer(SandboxServer.smtpPort()).sendSignedContract(address, "José Núñez Peña", Locale.forLanguageTag("es-PE"),
                CONTRACT, "contrato-CT-2026-000043.pdf");

        Mail mail = SandboxServer.latestMailTo(address).orElseThrow();
        assertThat(mail.subject()).isEqualTo("Tu contrato de cuenta de ahorros firmado");
        assertThat(mail.from()).contains("no-reply@quipu.local");
        assertThat(mail.textBody()).contains("Hola José Núñez Peña");
        assertThat(mail.attachments()).singleElement().satisfies(attachment -> {
            assertThat(attachment.filename()).isEqualTo("contrato-CT-2026-000043.pdf");
            assertThat(attachment.contentType()).startsWith("application/pdf");
        });
        assertThat(SandboxServer.attachment(mail.id(), 0)).isEqualTo(CONTRACT);
    }

    @Test
    void mailsInEnglishToACustomerWhoChoseIt() {
        String address = "jose-" + UUID.randomUUID() + "@example.com";

        mailer(SandboxServer.smtpPort()).sendSignedContract(address, "José Núñez Peña", Locale.ENGLISH, CONTRACT,
                "contract.pdf");

        Mail mail = SandboxServer.latestMailTo(address).orElseThrow();
        assertThat(mail.subject()).isEqualTo("Your signed savings account contract");
        assertThat(mail.textBody()).contains("Hello José Núñez Peña");
    }

    @Test
    void anSmtpServerThatCannotBeReachedIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        assertThatThrownBy(() -> mailer(closedPort).sendSignedContract("ana@example.com", "Ana", Locale.ENGLISH, CONTRACT,
                "contract.pdf"))
                .isInstanceOfSatisfying(ProviderUnavailableException.class,
                        unavailable -> assertThat(unavailable.provider()).isEqualTo("mail"));
    }

    @Test
    void refusesALanguageItCannotWrite() {
        assertThatThrownBy(() -> mailer(SandboxServer.smtpPort()).sendSignedContract("ana@example.com", "Ana",
                Locale.GERMAN, CONTRACT, "contract.pdf"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

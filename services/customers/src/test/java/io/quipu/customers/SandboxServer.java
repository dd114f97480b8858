package io.quipu.customers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.quipu.sandbox.SandboxApplication;
import io.quipu.sandbox.smtp.SmtpMailServer;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real sandbox (every simulated provider and the SMTP mailbox), started once in the test JVM on a random HTTP port
 * and a random SMTP port, with helpers that drive it through its control API as a person would.
 *
 * <p>The customers classpath holds auto-configurations the sandbox does not use (JDBC, Flyway, Kafka, security): they
 * are excluded, and the customers' own {@code application.properties}, which is first on the classpath, is not read;
 * the sandbox's own one is.
 */
public final class SandboxServer {

    /** Auto-configurations the customers classpath brings and the sandbox has no use for. */
    private static final List<String> EXCLUDED_AUTO_CONFIGURATIONS = List.of(
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JndiDataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.XADataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.metrics.DataSourcePoolMetricsAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayEndpointAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration",
            "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration",
            "org.springframework.boot.mail.autoconfigure.MailSenderValidatorAutoConfiguration",
            "org.springframework.boot.mail.autoconfigure.MailHealthContributorAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.rsocket.RSocketSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
            "io.quipu.platform.security.ResourceServerAutoConfiguration",
            "io.quipu.platform.security.ServiceClientsAutoConfiguration",
            "io.quipu.platform.idempotency.IdempotencyAutoConfiguration",
            "io.quipu.platform.events.EventsAutoConfiguration");

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CALL_TIMEOUT)
            .build();

    private static volatile Running running;

    private SandboxServer() {
    }

    private record Running(ConfigurableApplicationContext context, String baseUrl, int smtpPort) {
    }

    /** An e-mail the sandbox's mailbox received; {@code to} lists the envelope recipients. */
    public record Mail(String id, String from, List<String> to, String subject, Instant receivedAt, String textBody,
            String htmlBody, List<Attachment> attachments) {
    }

    public record Attachment(String filename, String contentType, int sizeBytes) {
    }

    /** A fault in force; {@code remainingCalls} counts down with each call the provider gets (-1: until cleared). */
    public record Fault(String provider, String mode, long delayMillis, int remainingCalls) {
    }

    /** The sandbox's HTTP base URL, such as {@code http://127.0.0.1:41234}; starts the sandbox on first use. */
    public static String baseUrl() {
        return running().baseUrl();
    }

    /** The port of the sandbox's SMTP mailbox on 127.0.0.1. */
    public static int smtpPort() {
        return running().smtpPort();
    }

    /**
     * Makes a provider misbehave for its next calls.
     *
     * @param provider       registry, biometrics, screening or esign
     * @param mode           down (503) or slow (answers after delayMillis)
     * @param remainingCalls how many next calls; -1 until cleared
     */
    public static void setFault(String provider, String mode, long delayMillis, int remainingCalls) {
        Map<String, Object> fault = new LinkedHashMap<>();
        fault.put("mode", mode);
        if ("slow".equals(mode)) {
            fault.put("delayMillis", delayMillis);
        }
        fault.put("remainingCalls", remainingCalls);
        expect(200, send(request("/sandbox/faults/" + provider).PUT(json(fault))));
    }

    public static List<Fault> faults() {
        return read(expect(200, send(request("/sandbox/faults").GET())), new TypeReference<List<Fault>>() { });
    }

    public static void clearFaults() {
        expect(204, send(request("/sandbox/faults").DELETE()));
    }

    /** The face template of a registry photo: the selfie that matches it (plus a little noise) passes. */
    public static List<Double> template(String photoReference) {
        Template template = read(expect(200, send(request("/sandbox/biometrics/templates/" + photoReference).GET())),
                new TypeReference<Template>() { });
        return template.vector();
    }

    private record Template(String photoReference, List<Double> vector) {
    }

    /** Sets exactly the person the registry answers for a document. */
    public static void setRegistryPerson(String documentType, String documentNumber, String givenNames,
            String paternalSurname, String maternalSurname, LocalDate birthDate, boolean deceased) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("givenNames", givenNames);
        person.put("paternalSurname", paternalSurname);
        person.put("maternalSurname", maternalSurname);
        person.put("birthDate", birthDate.toString());
        person.put("gender", "F");
        person.put("address", "Av. Arequipa 1234, Lima");
        person.put("deceased", deceased);
        expect(200, send(request("/sandbox/registry/persons/" + documentType + "/" + documentNumber).PUT(json(person))));
    }

    /** Puts a name on a screening list: UN-SANCTIONS, OFAC-SDN, PEP-PE or PEP-EC. */
    public static void addScreeningEntry(String list, String name) {
        expect(201, send(request("/sandbox/screening/entries").POST(json(Map.of("list", list, "name", name)))));
    }

    /** The newest e-mails (at most 100), newest first. */
    public static List<Mail> mails() {
        return read(expect(200, send(request("/sandbox/mail?limit=100").GET())), new TypeReference<List<Mail>>() { });
    }

    public static Optional<Mail> latestMailTo(String address) {
        String query = "?limit=1&to=" + java.net.URLEncoder.encode(address, java.nio.charset.StandardCharsets.UTF_8);
        List<Mail> mails = read(expect(200, send(request("/sandbox/mail" + query).GET())), new TypeReference<List<Mail>>() { });
        return mails.stream().findFirst();
    }

    /** An attachment's bytes, as it was sent (index from 0). */
    public static byte[] attachment(String mailId, int index) {
        return expect(200, send(request("/sandbox/mail/" + mailId + "/attachments/" + index).GET()));
    }

    private static Running running() {
        Running started = running;
        if (started == null) {
            synchronized (SandboxServer.class) {
                started = running;
                if (started == null) {
                    started = start();
                    running = started;
                }
            }
        }
        return started;
    }

    private static Running start() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SandboxApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties(sandboxOwnProperties())
                // Command-line arguments: read before any configuration file, and above the sandbox's own settings.
                .run("--spring.config.name=quipu-sandbox-in-customers-tests",
                        "--spring.application.name=sandbox",
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        "--quipu.sandbox.smtp-port=0",
                        "--quipu.sandbox.smtp-bind-address=127.0.0.1",
                        "--quipu.security.enabled=false",
                        "--spring.main.banner-mode=off",
                        "--spring.autoconfigure.exclude=" + String.join(",", EXCLUDED_AUTO_CONFIGURATIONS));
        int httpPort = ((WebServerApplicationContext) context).getWebServer().getPort();
        int smtpPort = context.getBean(SmtpMailServer.class).port();
        Runtime.getRuntime().addShutdownHook(new Thread(context::close, "sandbox-server-stop"));
        return new Running(context, "http://127.0.0.1:" + httpPort, smtpPort);
    }

    /**
     * The sandbox's own {@code application.properties}, read from the sandbox's jar (or classes folder): the one at
     * {@code classpath:application.properties} is the customers service's.
     */
    private static Properties sandboxOwnProperties() {
        URL location = SandboxApplication.class.getProtectionDomain().getCodeSource().getLocation();
        String base = location.toString();
        URI propertiesUri = URI.create(base.endsWith(".jar") ? "jar:" + base + "!/application.properties" : base + "application.properties");
        Properties properties = new Properties();
        try (InputStream stream = propertiesUri.toURL().openStream()) {
            properties.load(stream);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sandbox's application.properties at " + propertiesUri, e);
        }
        // Ports are chosen at startup; the ones in the file are the local run's.
        properties.remove("server.port");
        properties.remove("quipu.sandbox.smtp-port");
        return properties;
    }

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl() + path)).timeout(CALL_TIMEOUT).header("Accept", "application/json");
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
    }

    private static HttpResponse<byte[]> send(HttpRequest.Builder builder) {
        HttpRequest request = builder.header("Content-Type", "application/json").build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static byte[] expect(int status, HttpResponse<byte[]> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
                    + " answered " + response.statusCode() + " instead of " + status + ": "
                    + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return response.body();
    }

    private static <T> T read(byte[] body, TypeReference<T> type) {
        return JSON.readValue(body, type);
    }
}

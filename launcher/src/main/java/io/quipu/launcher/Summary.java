package io.quipu.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;

/** What a person needs once everything has started: where to point the browser, and how to log in. */
final class Summary {

    private final Settings settings;
    private final Infrastructure infrastructure;
    private final List<ServiceProcess> services;
    private final long startupMillis;

    Summary(Settings settings, Infrastructure infrastructure, List<ServiceProcess> services, long startupMillis) {
        this.settings = settings;
        this.infrastructure = infrastructure;
        this.services = services;
        this.startupMillis = startupMillis;
    }

    void print(Logger log) {
        long ready = services.stream().filter(service -> service.state() == ServiceProcess.State.READY).count();
        StringBuilder text = new StringBuilder();
        text.append(ready == services.size() ? "Quipu is ready" : "Quipu is running, but not every service is ready")
                .append(": ").append(ready).append(" of ").append(services.size()).append(" services ready after ")
                .append(Supervisor.seconds(startupMillis)).append(" s\n");
        find(ServiceCatalog.GATEWAY).ifPresent(gateway -> {
            line(text, "web app / gateway", gateway.url());
            line(text, "Swagger UI", gateway.url() + "/swagger-ui.html");
        });
        find(ServiceCatalog.SANDBOX).ifPresent(sandbox -> line(text, "sandbox mailbox", sandbox.url()));
        find("monitor").ifPresent(monitor -> line(text, "monitor", monitor.url()));
        text.append("  services:\n");
        for (ServiceProcess service : services) {
            text.append(String.format("    %-14s %-28s %s%s%n", service.name(), service.url(), service.state().label(),
                    service.state() == ServiceProcess.State.READY ? "" : " (see " + service.logFile() + ")"));
        }
        line(text, "PostgreSQL", "127.0.0.1:" + infrastructure.postgresPort()
                + ", a database per service, user " + infrastructure.postgresUsername() + ", no password");
        line(text, "Kafka", infrastructure.kafkaBootstrapServers());
        line(text, "data and logs", settings.stateDirectory().toString());
        text.append("Demo logins:\n");
        demoLogins(settings).lines().forEach(login -> text.append("  ").append(login).append('\n'));
        text.append("Stop with Ctrl-C or ./quipu stop; ./quipu status shows the services, ./quipu logs <service> follows a log.");
        log.info("{}", text);
    }

    private Optional<ServiceProcess> find(String name) {
        return services.stream().filter(service -> service.name().equals(name)).findFirst();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("  %-20s %s%n", label, value));
    }

    /**
     * The demo logins, with the addresses this run uses: {@code {name}} in the text stands for a service's
     * {@code localhost:port}, moved by {@code QUIPU_PORT_OFFSET} like the services themselves.
     */
    static String demoLogins(Settings settings) {
        String text;
        try (InputStream in = Summary.class.getResourceAsStream("/demo-logins.txt")) {
            if (in == null) {
                return "(none)";
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (ServiceDefinition service : ServiceCatalog.SERVICES) {
            text = text.replace("{" + service.name() + "}", "localhost:" + settings.portOf(service));
        }
        return text;
    }
}

package io.quipu.launcher;

import static io.quipu.launcher.ServiceDefinition.StartPhase.FIRST;
import static io.quipu.launcher.ServiceDefinition.StartPhase.LAST;
import static io.quipu.launcher.ServiceDefinition.StartPhase.MIDDLE;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every application of the platform, in start order. Adding a service to the local run means adding a line here. */
final class ServiceCatalog {

    static final String SANDBOX = "sandbox";
    static final String GATEWAY = "gateway";
    /** The sandbox's second port: its SMTP mailbox, where every service's e-mail goes in the local run. */
    static final String SANDBOX_SMTP_PORT = "QUIPU_SANDBOX_SMTPPORT";

    static final List<ServiceDefinition> SERVICES = List.of(
            // Its SMTP mailbox (quipu.sandbox.smtp-port) is a second port.
            new ServiceDefinition(SANDBOX, 8099, "sandbox", "quipu-sandbox", false, FIRST,
                    Map.of(SANDBOX_SMTP_PORT, 2525)),
            new ServiceDefinition("identity", 8081, "services/identity", "quipu-identity", true, MIDDLE),
            new ServiceDefinition("customers", 8082, "services/customers", "quipu-customers", true, MIDDLE),
            new ServiceDefinition("ledger", 8083, "services/ledger", "quipu-ledger", true, MIDDLE),
            new ServiceDefinition("payments", 8084, "services/payments", "quipu-payments", true, MIDDLE),
            new ServiceDefinition("loans", 8085, "services/loans", "quipu-loans", true, MIDDLE),
            new ServiceDefinition("notifications", 8086, "services/notifications", "quipu-notifications", true, MIDDLE),
            new ServiceDefinition("audit", 8087, "services/audit", "quipu-audit", true, MIDDLE),
            new ServiceDefinition("fraud", 8088, "services/fraud", "quipu-fraud", true, MIDDLE),
            new ServiceDefinition("analytics", 8089, "services/analytics", "quipu-analytics", true, MIDDLE),
            new ServiceDefinition("monitor", 8090, "services/monitor", "quipu-monitor", false, MIDDLE),
            // No database yet: sessions and rate-limit buckets arrive with their own issue.
            new ServiceDefinition(GATEWAY, 8080, "services/gateway", "quipu-gateway", false, LAST));

    private ServiceCatalog() {
    }

    static Optional<ServiceDefinition> find(String name) {
        return SERVICES.stream().filter(service -> service.name().equals(name)).findFirst();
    }

    static List<String> names() {
        return SERVICES.stream().map(ServiceDefinition::name).toList();
    }

    /**
     * The services a run asks for, in start order: all of them without {@code --only}; otherwise the listed ones plus the
     * sandbox, which every service needs. The gateway comes only when listed, or with the whole platform.
     *
     * @param only the names given to {@code --only}, empty when it was not used
     * @throws IllegalArgumentException naming the unknown services
     */
    static List<ServiceDefinition> select(Optional<Set<String>> only) {
        if (only.isEmpty()) {
            return SERVICES;
        }
        Set<String> unknown = new LinkedHashSet<>(only.get());
        unknown.removeAll(names());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown service" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                    + "; the services are: " + String.join(", ", names()));
        }
        List<ServiceDefinition> selected = new ArrayList<>();
        for (ServiceDefinition service : SERVICES) {
            if (service.name().equals(SANDBOX) || only.get().contains(service.name())) {
                selected.add(service);
            }
        }
        return selected;
    }
}

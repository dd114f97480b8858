package io.quipu.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quipu.launcher.ServiceDefinition.StartPhase;

class ServiceCatalogTest {

    @Test
    void everyServiceHasTheFixedPortOfTheArchitecture() {
        Map<String, Integer> ports = ServiceCatalog.SERVICES.stream()
                .collect(Collectors.toMap(ServiceDefinition::name, ServiceDefinition::port));
        assertThat(ports).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("gateway", 8080), Map.entry("identity", 8081), Map.entry("customers", 8082),
                Map.entry("ledger", 8083), Map.entry("payments", 8084), Map.entry("loans", 8085),
                Map.entry("notifications", 8086), Map.entry("audit", 8087), Map.entry("fraud", 8088),
                Map.entry("analytics", 8089), Map.entry("monitor", 8090), Map.entry("sandbox", 8099)));
    }

    @Test
    void sandboxStartsFirstAndGatewayLast() {
        List<ServiceDefinition> services = ServiceCatalog.SERVICES;
        assertThat(services.get(0).name()).isEqualTo("sandbox");
        assertThat(services.get(0).startPhase()).isEqualTo(StartPhase.FIRST);
        assertThat(services.get(services.size() - 1).name()).isEqualTo("gateway");
        assertThat(services.get(services.size() - 1).startPhase()).isEqualTo(StartPhase.LAST);
        assertThat(services.stream().filter(service -> service.startPhase() != StartPhase.MIDDLE))
                .extracting(ServiceDefinition::name).containsExactly("sandbox", "gateway");
    }

    @Test
    void onlyServicesThatOwnDataGetADatabaseNamedAfterThem() {
        assertThat(ServiceCatalog.SERVICES.stream().filter(ServiceDefinition::needsDatabase).map(ServiceDefinition::name))
                .containsExactly("identity", "customers", "ledger", "payments", "loans", "notifications", "audit", "fraud",
                        "analytics");
        assertThat(ServiceCatalog.SERVICES).allSatisfy(service -> {
            assertThat(service.name()).matches("[a-z][a-z0-9_]*");
            assertThat(service.artifactId()).isEqualTo("quipu-" + service.name());
        });
    }

    @Test
    void withoutOnlyEveryServiceIsSelected() {
        assertThat(ServiceCatalog.select(Optional.empty())).isEqualTo(ServiceCatalog.SERVICES);
    }

    @Test
    void onlyAddsTheSandboxAndKeepsTheStartOrder() {
        assertThat(ServiceCatalog.select(Optional.of(Set.of("ledger", "identity"))))
                .extracting(ServiceDefinition::name).containsExactly("sandbox", "identity", "ledger");
    }

    @Test
    void theGatewayComesOnlyWhenListed() {
        assertThat(ServiceCatalog.select(Optional.of(Set.of("sandbox")))).extracting(ServiceDefinition::name)
                .containsExactly("sandbox");
        assertThat(ServiceCatalog.select(Optional.of(Set.of("gateway", "ledger")))).extracting(ServiceDefinition::name)
                .containsExactly("sandbox", "ledger", "gateway");
    }

    @Test
    void unknownServicesAreNamedWithTheKnownOnes() {
        assertThatThrownBy(() -> ServiceCatalog.select(Optional.of(Set.of("ledger", "legder"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown service legder")
                .hasMessageContaining("ledger, payments");
    }
}

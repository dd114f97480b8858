package io.quipu.gateway.domain;

import java.util.List;

/** Every service the gateway fronts (ARCHITECTURE.md). Adding a service to the gateway means adding a line here. */
public final class BackendServices {

    public static final List<BackendService> ALL = List.of(
            new BackendService("identity", 8081),
            new BackendService("customers", 8082),
            new BackendService("ledger", 8083),
            new BackendService("payments", 8084),
            new BackendService("loans", 8085),
            new BackendService("notifications", 8086),
            new BackendService("audit", 8087),
            new BackendService("fraud", 8088),
            new BackendService("analytics", 8089),
            new BackendService("monitor", 8090),
            new BackendService("sandbox", 8099));

    private BackendServices() {
    }
}

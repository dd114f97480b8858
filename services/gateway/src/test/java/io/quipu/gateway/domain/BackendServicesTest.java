package io.quipu.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;

import org.junit.jupiter.api.Test;

class BackendServicesTest {

    @Test
    void listsEveryServiceOfTheArchitectureOnceWithItsPort() {
        assertThat(BackendServices.ALL).extracting(BackendService::name).containsExactly("identity", "customers", "ledger",
                "payments", "loans", "notifications", "audit", "fraud", "analytics", "monitor", "sandbox");
        assertThat(BackendServices.ALL).extracting(BackendService::defaultPort)
                .containsExactly(8081, 8082, 8083, 8084, 8085, 8086, 8087, 8088, 8089, 8090, 8099);
    }

    @Test
    void derivesPathsAndDefaultUrlFromTheName() {
        BackendService ledger = new BackendService("ledger", 8083);
        assertThat(ledger.routePrefix()).isEqualTo("/api/ledger");
        assertThat(ledger.apiDocsPath()).isEqualTo("/api/ledger/v3/api-docs");
        assertThat(ledger.defaultBaseUrl()).isEqualTo("http://127.0.0.1:8083");
    }

    @Test
    void acceptsBaseUrlsOfSchemeHostAndPortOnly() {
        BackendService ledger = new BackendService("ledger", 8083);
        assertThat(ledger.baseUri("http://ledger:8083")).isEqualTo(URI.create("http://ledger:8083"));
        assertThat(ledger.baseUri("https://ledger.quipu.svc/")).isEqualTo(URI.create("https://ledger.quipu.svc/"));
        assertThatIllegalArgumentException().isThrownBy(() -> ledger.baseUri("ledger:8083")).withMessageContaining("ledger");
        assertThatIllegalArgumentException().isThrownBy(() -> ledger.baseUri("ftp://ledger"));
        assertThatIllegalArgumentException().isThrownBy(() -> ledger.baseUri("http://ledger:8083/v1"));
        assertThatIllegalArgumentException().isThrownBy(() -> ledger.baseUri("http://ledger:8083?x=1"));
        assertThatIllegalArgumentException().isThrownBy(() -> ledger.baseUri("http://exa mple"));
    }

    @Test
    void refusesNamesThatAreNotPlainLowerCaseWords() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BackendService("Ledger", 8083));
        assertThatIllegalArgumentException().isThrownBy(() -> new BackendService("led/ger", 8083));
        assertThatIllegalArgumentException().isThrownBy(() -> new BackendService("ledger", 0));
    }
}

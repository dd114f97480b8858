package io.quipu.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void defaultsKeepEverythingInTheRepository() {
        Settings settings = Settings.from(Map.of(), "/repo");
        assertThat(settings.repositoryRoot()).isEqualTo(Path.of("/repo"));
        assertThat(settings.stateDirectory()).isEqualTo(Path.of("/repo/.quipu"));
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/repo/.quipu/data"));
        assertThat(settings.logDirectory()).isEqualTo(Path.of("/repo/.quipu/logs"));
        assertThat(settings.stateFile()).isEqualTo(Path.of("/repo/.quipu/state.json"));
        assertThat(settings.pidFile()).isEqualTo(Path.of("/repo/.quipu/launcher.pid"));
        assertThat(settings.postgresPort()).isEqualTo(15432);
        assertThat(settings.kafkaPort()).isEqualTo(19092);
        assertThat(settings.portOf(ServiceCatalog.find("ledger").orElseThrow())).isEqualTo(8083);
        assertThat(settings.seedOnFirstStart()).isTrue();
    }

    @Test
    void seedingOnTheFirstStartCanBeTurnedOff() {
        assertThat(Settings.from(Map.of("QUIPU_SEED", "0"), "/repo").seedOnFirstStart()).isFalse();
        assertThat(Settings.from(Map.of("QUIPU_SEED", "1"), "/repo").seedOnFirstStart()).isTrue();
        assertThatThrownBy(() -> Settings.from(Map.of("QUIPU_SEED", "no"), "/repo"))
                .hasMessage("QUIPU_SEED must be 0 (do not seed demo data) or 1: no");
    }

    @Test
    void theEnvironmentOverridesPortsAndDirectory() {
        Settings settings = Settings.from(Map.of("QUIPU_STATE_DIR", "/tmp/run-1", "QUIPU_POSTGRES_PORT", "25432",
                "QUIPU_KAFKA_PORT", "29092", "QUIPU_PORT_OFFSET", "1000"), "/repo");
        assertThat(settings.stateDirectory()).isEqualTo(Path.of("/tmp/run-1"));
        assertThat(settings.postgresPort()).isEqualTo(25432);
        assertThat(settings.kafkaPort()).isEqualTo(29092);
        assertThat(settings.portOf(ServiceCatalog.find("sandbox").orElseThrow())).isEqualTo(9099);
        assertThat(settings.additionalPortsOf(ServiceCatalog.find("sandbox").orElseThrow()))
                .isEqualTo(Map.of("QUIPU_SANDBOX_SMTPPORT", 3525));
    }

    @Test
    void badValuesAreExplained() {
        assertThatThrownBy(() -> Settings.from(Map.of("QUIPU_POSTGRES_PORT", "five"), "/repo"))
                .hasMessage("QUIPU_POSTGRES_PORT must be a number: five");
        assertThatThrownBy(() -> Settings.from(Map.of("QUIPU_KAFKA_PORT", "70000"), "/repo"))
                .hasMessage("QUIPU_KAFKA_PORT must be a port number (1-65535): 70000");
        assertThatThrownBy(() -> Settings.from(Map.of("QUIPU_PORT_OFFSET", "60000"), "/repo"))
                .hasMessageContaining("QUIPU_PORT_OFFSET must keep every service port within 1-65535");
    }
}

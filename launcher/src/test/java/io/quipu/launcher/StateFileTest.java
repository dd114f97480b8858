package io.quipu.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quipu.launcher.StateFile.LauncherState;
import io.quipu.launcher.StateFile.ServiceState;

class StateFileTest {

    @TempDir
    Path directory;

    @Test
    void whatIsWrittenIsReadBack() {
        Path file = directory.resolve("state.json");
        LauncherState state = new LauncherState(42, true, "2025-01-01T00:00:00Z", "2025-01-01T00:00:01Z", "/repo", 15432,
                "127.0.0.1:19092", List.of(new ServiceState("sandbox", 8099, 43L, "ready", 1, "http://localhost:8099",
                        "/repo/.quipu/logs/sandbox.log"), new ServiceState("ledger", 8083, null, "failed", 3,
                        "http://localhost:8083", "/repo/.quipu/logs/ledger.log")));
        new StateFile(file).write(state);
        assertThat(StateFile.read(file)).contains(state);
        assertThat(directory.resolve("state.json.tmp")).doesNotExist();
    }

    @Test
    void aMissingOrDamagedFileReadsAsNothing() throws Exception {
        assertThat(StateFile.read(directory.resolve("absent.json"))).isEmpty();
        Path damaged = Files.writeString(directory.resolve("damaged.json"), "{\"launcherPid\": ");
        assertThat(StateFile.read(damaged)).isEmpty();
    }
}

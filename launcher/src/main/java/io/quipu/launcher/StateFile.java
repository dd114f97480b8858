package io.quipu.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code .quipu/state.json}: what the running launcher is doing, for {@code quipu status}, for tests and for the next
 * launcher (which stops processes that a killed launcher left behind).
 */
final class StateFile {

    /** The launcher and its services at one moment. */
    record LauncherState(long launcherPid, boolean running, String startedAt, String updatedAt, String repositoryRoot,
                         int postgresPort, String kafkaBootstrapServers, List<ServiceState> services) {
    }

    /** One service; {@code pid} is null before its first start. */
    record ServiceState(String name, int port, Long pid, String state, int restarts, String url, String logFile) {
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path file;
    private String lastWritten = "";

    StateFile(Path file) {
        this.file = file;
    }

    /** Replaces the file atomically, so a reader never sees half of it; skips the write when nothing changed. */
    synchronized void write(LauncherState state) {
        String json = JSON.writeValueAsString(state);
        String withoutTimestamp = json.replaceFirst("\"updatedAt\"\\s*:\\s*\"[^\"]*\"", "");
        if (withoutTimestamp.equals(lastWritten)) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, json + System.lineSeparator(), StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            lastWritten = withoutTimestamp;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    /** The last state written, or empty when there is no readable file. */
    static Optional<LauncherState> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), LauncherState.class));
        } catch (IOException | JacksonException e) {
            return Optional.empty();
        }
    }
}

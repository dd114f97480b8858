package io.quipu.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One application of the platform as the launcher sees it.
 *
 * @param name           also the name of its database and of its log file
 * @param port           the fixed port from ARCHITECTURE.md, before any {@code QUIPU_PORT_OFFSET}
 * @param moduleDirectory the Maven module, relative to the repository root
 * @param artifactId     the module's artifact; the runnable jar is {@code target/<artifactId>-<version>-exec.jar}
 * @param needsDatabase  whether it gets a PostgreSQL database and the {@code SPRING_DATASOURCE_*} variables
 * @param startPhase     when it starts relative to the others
 * @param additionalPorts other ports it listens on, by the environment variable that sets each one; they move with
 *                       {@code QUIPU_PORT_OFFSET} too
 */
record ServiceDefinition(String name, int port, String moduleDirectory, String artifactId, boolean needsDatabase,
                         StartPhase startPhase, Map<String, Integer> additionalPorts) {

    ServiceDefinition {
        additionalPorts = Map.copyOf(additionalPorts);
    }

    ServiceDefinition(String name, int port, String moduleDirectory, String artifactId, boolean needsDatabase,
                      StartPhase startPhase) {
        this(name, port, moduleDirectory, artifactId, needsDatabase, startPhase, Map.of());
    }

    /** The sandbox simulates the outside world every service talks to, so it comes first; the gateway fronts them all. */
    enum StartPhase { FIRST, MIDDLE, LAST }

    /** The newest runnable jar of the module, whatever its version, if it has been built. */
    Optional<Path> executableJar(Path repositoryRoot) {
        Path target = repositoryRoot.resolve(moduleDirectory).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(target)) {
            return files
                    .filter(file -> file.getFileName().toString().startsWith(artifactId + "-"))
                    .filter(file -> file.getFileName().toString().endsWith("-exec.jar"))
                    .max(Comparator.comparingLong(ServiceDefinition::lastModifiedMillis));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lastModifiedMillis(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}

package io.quipu.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.quipu.platform.embedded.EmbeddedKafka;
import io.quipu.platform.embedded.EmbeddedPostgres;

/**
 * ONE embedded PostgreSQL server and ONE embedded Kafka broker per test JVM, started on first use and shared by every
 * test class in it (each Spring context reuses them; starting them costs seconds, so they are never started twice).
 */
public final class TestInfrastructure {

    private static final int DEFAULT_PARTITIONS = 3;
    private static TestInfrastructure instance;

    private final Path workDirectory;
    private final EmbeddedPostgres postgres;
    private final EmbeddedKafka kafka;

    private TestInfrastructure(Path workDirectory) {
        this.workDirectory = workDirectory;
        this.postgres = EmbeddedPostgres.start(workDirectory.resolve("postgres"), 0, false);
        this.kafka = EmbeddedKafka.start(workDirectory.resolve("kafka"), 0, DEFAULT_PARTITIONS);
        Runtime.getRuntime().addShutdownHook(new Thread(this::shutDown, "test-infrastructure-stop"));
    }

    public static synchronized TestInfrastructure get() {
        if (instance == null) {
            try {
                // Under java.io.tmpdir: PostgreSQL may run as 'nobody' (see EmbeddedPostgres), which must reach it.
                Path workDirectory = Files.createTempDirectory("quipu-test-");
                Files.setPosixFilePermissions(workDirectory, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                instance = new TestInfrastructure(workDirectory);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public EmbeddedPostgres postgres() {
        return postgres;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    private void shutDown() {
        try {
            kafka.close();
        } finally {
            postgres.close();
            deleteQuietly(workDirectory);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Left in the temporary directory; nothing depends on it being gone.
        }
    }
}

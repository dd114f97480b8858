package io.quipu.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Another Quipu application as a real process, from its executable jar, for a service's tests that need the real
 * thing over HTTP (the ledger, the sandbox) — a service may not depend on another's code, and their Spring contexts
 * would not share one JVM cleanly. The process uses this JVM's PostgreSQL, Kafka and test token issuer, prints to
 * {@code target/<name>.log}, and is stopped when the test JVM exits.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;

    private ServiceProcess(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts {@code <repository>/<moduleDirectory>/target/<artifactId>-*-exec.jar} and waits until it is ready.
     *
     * @param database   the database it gets in this JVM's PostgreSQL (created if missing), or null for none
     * @param properties more settings, as environment variables ({@code QUIPU_SANDBOX_CLEARING_SETTLEMENTDELAY=300ms})
     */
    public static ServiceProcess start(String name, String moduleDirectory, String artifactId, String database,
                                       Map<String, String> properties) {
        TestInfrastructure infrastructure = TestInfrastructure.get();
        int port = freePort();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", String.valueOf(port));
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafka().bootstrapServers());
        environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWKSETURI", TestTokens.get().jwkSetUri());
        environment.put("QUIPU_SECURITY_ISSUER", TestTokens.ISSUER);
        environment.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "");
        if (database != null) {
            infrastructure.postgres().createDatabaseIfMissing(database);
            environment.put("SPRING_DATASOURCE_URL", infrastructure.postgres().jdbcUrl(database));
            environment.put("SPRING_DATASOURCE_USERNAME", infrastructure.postgres().username());
            environment.put("SPRING_DATASOURCE_PASSWORD", "");
        }
        environment.putAll(properties);
        Path jar = executableJar(moduleDirectory, artifactId);
        Path log = Path.of("target", name + ".log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process;
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        ServiceProcess started = new ServiceProcess(name, port, process);
        started.awaitReady(log);
        return started;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Ends it at once, like {@code kill -9}. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(Path log) {
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        URI readiness = URI.create(baseUrl() + "/actuator/health/readiness");
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " was not ready within " + STARTUP_TIMEOUT + "; see " + log);
    }

    /** The module's executable jar; the build makes it in the package phase, before this module's tests run. */
    private static Path executableJar(String moduleDirectory, String artifactId) {
        Path target = repository().resolve(moduleDirectory).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().startsWith(artifactId + "-")
                            && file.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no executable jar of " + artifactId + " in " + target
                            + ": build it first (./mvnw install -pl " + moduleDirectory + " -DskipTests)"));
        } catch (IOException e) {
            throw new IllegalStateException("no " + target + ": build " + moduleDirectory + " first", e);
        }
    }

    /** The repository's root: the nearest folder up from here with the Maven wrapper. */
    private static Path repository() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.exists(directory.resolve("mvnw"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("not inside the Quipu repository");
        }
        return directory;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

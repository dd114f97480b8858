package io.quipu.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** One service as an operating-system process: start, stop, readiness, and what the supervisor remembers about it. */
final class ServiceProcess {

    enum State {
        STARTING, READY, UNHEALTHY, FAILED, STOPPED;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(Limits.READINESS_REQUEST_TIMEOUT_MILLIS))
            .build();

    private final ServiceDefinition definition;
    private final int port;
    private final Path jar;
    private final Path logFile;
    private final Path workingDirectory;
    private final Map<String, String> environment;
    private final RestartRateLimiter restartLimiter = new RestartRateLimiter(
            Limits.MAXIMUM_RESTARTS_PER_WINDOW, TimeUnit.SECONDS.toMillis(Limits.RESTART_WINDOW_SECONDS));

    private Process process;
    private boolean closed;
    private volatile State state = State.STOPPED;
    private volatile long startedAtMillis;
    private volatile long lastReadyAtMillis;
    private volatile int restarts;
    private volatile boolean attended;

    /** @param workingDirectory where relative paths of the service land: its data directory, not the repository */
    ServiceProcess(ServiceDefinition definition, int port, Path jar, Path logFile, Path workingDirectory,
                   Map<String, String> environment) {
        this.definition = definition;
        this.port = port;
        this.jar = jar;
        this.logFile = logFile;
        this.workingDirectory = workingDirectory;
        this.environment = Map.copyOf(environment);
    }

    String name() {
        return definition.name();
    }

    ServiceDefinition definition() {
        return definition;
    }

    int port() {
        return port;
    }

    String url() {
        return "http://localhost:" + port;
    }

    Path logFile() {
        return logFile;
    }

    State state() {
        return state;
    }

    int restarts() {
        return restarts;
    }

    long startedAtMillis() {
        return startedAtMillis;
    }

    /** Zero until this process incarnation has passed a readiness check. */
    long lastReadyAtMillis() {
        return lastReadyAtMillis;
    }

    /** The same java that runs the launcher, so that a service never runs on an older JVM than the launcher. */
    List<String> command() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(Limits.SERVICE_JVM_OPTIONS);
        command.addAll(List.of("-jar", jar.toString()));
        return command;
    }

    Map<String, String> environment() {
        return environment;
    }

    /** Starts a new process, appending its output to the service's log file. */
    synchronized void start() {
        if (closed) {
            throw new IllegalStateException(name() + " is not started again: the launcher is stopping");
        }
        try {
            Files.createDirectories(logFile.getParent());
            Files.createDirectories(workingDirectory);
            Files.writeString(logFile, System.lineSeparator() + "----- " + OffsetDateTime.now() + " quipu launcher starts "
                            + name() + ": " + String.join(" ", command()) + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command())
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            // A database comes from the launcher only, never from the shell that started it.
            builder.environment().keySet().removeIf(variable -> variable.startsWith("SPRING_DATASOURCE_"));
            builder.environment().putAll(environment);
            process = builder.start();
            startedAtMillis = System.currentTimeMillis();
            lastReadyAtMillis = 0;
            state = State.STARTING;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name(), e);
        }
    }

    synchronized OptionalLong pid() {
        return process == null ? OptionalLong.empty() : OptionalLong.of(process.pid());
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** How the last process ended, for the log: "exited with status 137". */
    synchronized String exitDescription() {
        if (process == null) {
            return "was never started";
        }
        if (process.isAlive()) {
            return "is still running";
        }
        return "exited with status " + process.exitValue();
    }

    /** Asks the service's readiness endpoint; completes with false on any error or timeout, never exceptionally. */
    CompletableFuture<Boolean> checkReadiness() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofMillis(Limits.READINESS_REQUEST_TIMEOUT_MILLIS))
                .GET()
                .build();
        return HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> response.statusCode() == 200)
                .exceptionally(failure -> false);
    }

    void markReady(long nowMillis) {
        lastReadyAtMillis = nowMillis;
        state = State.READY;
    }

    void markUnhealthy() {
        state = State.UNHEALTHY;
    }

    void markFailed() {
        state = State.FAILED;
    }

    void countRestart() {
        restarts++;
    }

    RestartRateLimiter restartLimiter() {
        return restartLimiter;
    }

    /** True while a startup or a restart takes care of this service, so that the periodic check leaves it alone. */
    boolean attended() {
        return attended;
    }

    void attended(boolean attended) {
        this.attended = attended;
    }

    /** SIGTERM, then up to {@link Limits#SERVICE_STOP_TIMEOUT_SECONDS} for a graceful shutdown, then SIGKILL. */
    void stop() {
        Process stopping;
        synchronized (this) {
            stopping = process;
        }
        if (stopping == null || !stopping.isAlive()) {
            return;
        }
        List<ProcessHandle> descendants = stopping.descendants().toList();
        stopping.destroy();
        try {
            if (!stopping.waitFor(Limits.SERVICE_STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                stopping.destroyForcibly();
                stopping.waitFor(Limits.SERVICE_STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            stopping.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            descendants.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** Stops the service for good: the launcher is shutting down and nothing may start it again. */
    void close() {
        synchronized (this) {
            closed = true;
        }
        stop();
        if (state != State.FAILED) {
            state = State.STOPPED;
        }
    }
}

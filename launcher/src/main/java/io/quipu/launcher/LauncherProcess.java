package io.quipu.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;

import io.quipu.launcher.StateFile.LauncherState;
import io.quipu.launcher.StateFile.ServiceState;

/** The running launcher as other commands see it: through {@code .quipu/launcher.pid} and the state file. */
final class LauncherProcess {

    private LauncherProcess() {
    }

    /** The launcher that owns this state directory, if one is alive. */
    static Optional<ProcessHandle> running(Settings settings) {
        Path pidFile = settings.pidFile();
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.pid() != ProcessHandle.current().pid())
                    // A pid can be reused after a crash: only a java process counts as our launcher.
                    .filter(process -> process.info().command().map(command -> command.contains("java")).orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static void writePidFile(Settings settings) {
        try {
            Files.createDirectories(settings.stateDirectory());
            Files.writeString(settings.pidFile(), ProcessHandle.current().pid() + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + settings.pidFile(), e);
        }
    }

    /** Removes the pid file if it is still ours. */
    static void deletePidFile(Settings settings) {
        try {
            Path pidFile = settings.pidFile();
            if (Files.isRegularFile(pidFile)
                    && Files.readString(pidFile).trim().equals(String.valueOf(ProcessHandle.current().pid()))) {
                Files.delete(pidFile);
            }
        } catch (IOException | UncheckedIOException e) {
            // Nothing to do: the next launcher ignores a pid file whose process is gone.
        }
    }

    /**
     * A launcher killed with SIGKILL cannot stop its services: they keep their ports. The state file it left names them;
     * each one that is still alive and still runs that service's jar is stopped.
     */
    static void stopLeftOverServices(Settings settings, Logger log) {
        Optional<LauncherState> previous = StateFile.read(settings.stateFile());
        if (previous.isEmpty()) {
            return;
        }
        List<ProcessHandle> leftOvers = new ArrayList<>();
        for (ServiceState service : previous.get().services()) {
            if (service.pid() == null) {
                continue;
            }
            String artifactId = ServiceCatalog.find(service.name()).map(ServiceDefinition::artifactId).orElse(null);
            Optional<ProcessHandle> leftOver = ProcessHandle.of(service.pid())
                    .filter(ProcessHandle::isAlive)
                    // The pid may belong to another program by now: only a process running that service's jar is ours.
                    .filter(process -> artifactId != null && process.info().commandLine()
                            .map(commandLine -> commandLine.contains(artifactId) && commandLine.contains("-exec.jar"))
                            .orElse(false));
            if (leftOver.isPresent()) {
                log.warn("stopping {} (pid {}), left running by a launcher that did not stop cleanly", service.name(), service.pid());
                leftOver.get().destroy();
                leftOvers.add(leftOver.get());
            }
        }
        for (ProcessHandle leftOver : leftOvers) {
            awaitExit(leftOver, Limits.SERVICE_STOP_TIMEOUT_SECONDS);
        }
    }

    /** Waits for a process that was sent SIGTERM; kills it when it takes longer than the timeout. */
    private static void awaitExit(ProcessHandle process, long timeoutSeconds) {
        try {
            process.onExit().get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

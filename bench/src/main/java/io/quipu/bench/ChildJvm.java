package io.quipu.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the benchmark's child JVMs (the ledger, the Kafka broker) have in common: how they start, stop and are read. */
final class ChildJvm {

    private ChildJvm() {
    }

    /** The java of the JVM running the benchmark, so that every child runs on the same Java. */
    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * How to start this benchmark's own main again in a child: its exec jar with {@code -jar} (how it is run), or its
     * class path and main class (from an IDE).
     */
    static List<String> benchmarkItself() {
        String classPath = System.getProperty("java.class.path");
        if (!classPath.contains(File.pathSeparator) && classPath.endsWith(".jar")) {
            return List.of("-jar", classPath);
        }
        return List.of("-cp", classPath, LedgerBenchmark.class.getName());
    }

    /** SIGTERM (a graceful shutdown), then SIGKILL once {@code gracePeriod} has passed. */
    static void stop(Process process, Duration gracePeriod) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(gracePeriod.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The last {@code lines} lines of a child's log, for an error message. */
    static String tail(Path logFile, int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}

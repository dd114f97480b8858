package io.quipu.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The real ledger, started from its exec jar as a child JVM, configured through environment variables only. */
final class LedgerProcess implements AutoCloseable {

    private final Process process;
    private final Path logFile;
    private final int port;

    private LedgerProcess(Process process, Path logFile, int port) {
        this.process = process;
        this.logFile = logFile;
        this.port = port;
    }

    static LedgerProcess start(Path jar, Path workDirectory, int port, List<String> jvmOptions, Map<String, String> environment)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.javaBinary());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        Path logFile = workDirectory.resolve("ledger.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDirectory.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        LedgerProcess ledger = new LedgerProcess(process, logFile, port);
        Runtime.getRuntime().addShutdownHook(new Thread(ledger::close, "bench-stop-ledger"));
        return ledger;
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    Path logFile() {
        return logFile;
    }

    void awaitReady(LedgerHttp http, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the ledger exited with status " + process.exitValue() + ":\n" + tail(40));
            }
            if (http.ready()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the ledger was not ready after " + timeout + ":\n" + tail(40));
    }

    String tail(int lines) {
        return ChildJvm.tail(logFile, lines);
    }

    /** SIGTERM (graceful shutdown), then SIGKILL after 30 s. */
    @Override
    public void close() {
        ChildJvm.stop(process, Duration.ofSeconds(30));
    }
}

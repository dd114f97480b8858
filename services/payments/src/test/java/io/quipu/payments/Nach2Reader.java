package io.quipu.payments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a NACHA file with the outside library nach2 (src/test/nacha/parse.js under Node): installs the pinned
 * packages with {@code npm ci} the first time (from the committed package-lock.json, so no manual step), then runs
 * {@code node parse.js <file>} and answers its JSON.
 */
public final class Nach2Reader {

    private static final Path NACHA_DIRECTORY = moduleDirectory().resolve("src/test/nacha");
    private static final Path WORK_DIRECTORY = moduleDirectory().resolve("target/nacha");
    private static final long INSTALL_TIMEOUT_SECONDS = 300;
    private static final long PARSE_TIMEOUT_SECONDS = 60;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Nach2Reader() {
    }

    /** Writes {@code text} to target/nacha and answers what nach2 makes of it. */
    public static JsonNode read(String text) {
        installOnce();
        try {
            Files.createDirectories(WORK_DIRECTORY);
            Path file = WORK_DIRECTORY.resolve("file-" + UUID.randomUUID() + ".ach");
            Files.writeString(file, text, StandardCharsets.US_ASCII);
            String output = run(List.of("node", "parse.js", file.toString()), PARSE_TIMEOUT_SECONDS);
            return JSON.readTree(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void installOnce() {
        if (Files.isDirectory(NACHA_DIRECTORY.resolve("node_modules/nach2"))) {
            return;
        }
        run(List.of("npm", "ci", "--no-audit", "--no-fund"), INSTALL_TIMEOUT_SECONDS);
    }

    /** Runs a command in src/test/nacha with a timeout; its output goes through files so that a full pipe never blocks it. */
    private static String run(List<String> command, long timeoutSeconds) {
        try {
            Files.createDirectories(WORK_DIRECTORY);
            Path output = Files.createTempFile(WORK_DIRECTORY, "out-", ".txt");
            Path errors = Files.createTempFile(WORK_DIRECTORY, "err-", ".txt");
            Process process = new ProcessBuilder(command).directory(NACHA_DIRECTORY.toFile())
                    .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " took longer than " + timeoutSeconds + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command + " exited with " + process.exitValue() + ": " + Files.readString(errors));
            }
            String printed = Files.readString(output);
            Files.delete(output);
            Files.delete(errors);
            return printed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command + " (are Node and npm installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Surefire runs the tests in the module's directory; the basedir property says so too when set. */
    private static Path moduleDirectory() {
        String basedir = System.getProperty("basedir");
        return (basedir == null ? Path.of("") : Path.of(basedir)).toAbsolutePath();
    }
}

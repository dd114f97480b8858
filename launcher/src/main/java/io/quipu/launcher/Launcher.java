package io.quipu.launcher;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.quipu.launcher.StateFile.LauncherState;
import io.quipu.launcher.StateFile.ServiceState;

/**
 * The local run's command line: {@code run}, {@code seed}, {@code stop}, {@code status}, {@code logs}, {@code help}.
 * Started by the {@code ./quipu} script with {@code -Dquipu.home=<repository root>}.
 */
public final class Launcher {

    static final String USAGE = """
            Usage: ./quipu <command>

              run [--only a,b]   build what is missing, then start PostgreSQL, Kafka, the sandbox and every built service
                                 (--only: just those, plus the sandbox; the gateway only when listed); Ctrl-C stops all
              seed [--customers N]
                                 demo data in the running platform through its APIs: N customers (default 20000) with
                                 an account, a deposit and a payment each; what exists already is left as it is
              stop               stop the running launcher and everything it started
              status             show the services of the running launcher
              logs <service>     follow a service's log (also: logs launcher)
              help               this text

            Environment:
              QUIPU_POSTGRES_PORT  PostgreSQL port (default 15432)
              QUIPU_KAFKA_PORT     Kafka port (default 19092)
              QUIPU_PORT_OFFSET    added to every service port (default 0: gateway 8080 ... sandbox 8099)
              QUIPU_STATE_DIR      data, logs and state (default <repository>/.quipu)
              QUIPU_NO_BUILD=1     run starts what is built, without building first
              QUIPU_SEED=0         run does not seed demo data on its first start (.quipu/seeded marks it done)

            Reset everything: ./quipu stop; rm -rf .quipu     More: docs/local-run.md""";

    private Launcher() {
    }

    public static void main(String[] arguments) {
        List<String> words = List.of(arguments);
        String command = words.isEmpty() ? "help" : words.get(0);
        List<String> rest = words.isEmpty() ? List.of() : words.subList(1, words.size());
        int status;
        try {
            Settings settings = Settings.from(System.getenv(), System.getProperty(Settings.HOME_PROPERTY));
            status = switch (command) {
                case "run" -> run(settings, RunOptions.parse(rest));
                case "seed" -> seed(settings, SeedOptions.parse(rest));
                case "stop" -> stop(settings);
                case "status" -> status(settings);
                case "logs" -> logs(settings, rest);
                case "help", "--help", "-h" -> {
                    System.out.println(USAGE);
                    yield 0;
                }
                default -> {
                    System.err.println("quipu: unknown command '" + command + "'\n\n" + USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            System.err.println("quipu: " + e.getMessage());
            status = 2;
        } catch (LaunchException e) {
            System.err.println("quipu: " + e.getMessage());
            status = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 1;
        }
        System.exit(status);
    }

    private static int run(Settings settings, RunOptions options) throws InterruptedException {
        // Before the first logger exists: logback.xml reads the file name from this property.
        System.setProperty("quipu.launcher.log.file", settings.logDirectory().resolve("launcher.log").toString());
        try {
            return new LocalRun(settings, options).run();
        } catch (LaunchException e) {
            org.slf4j.LoggerFactory.getLogger(Launcher.class).error("{}", e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            org.slf4j.LoggerFactory.getLogger(Launcher.class).error("{}", e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Launcher.class).error("Quipu could not start", e);
            return 1;
        }
    }

    /** Seeds the platform that runs on this state directory's ports; the progress line is rewritten in place on a terminal. */
    private static int seed(Settings settings, SeedOptions options) throws InterruptedException {
        DemoSeeder.Endpoints endpoints = DemoSeeder.Endpoints.of(settings);
        List<String> notReady = DemoSeeder.notReady(endpoints);
        if (!notReady.isEmpty()) {
            System.err.println("quipu: not ready: " + String.join(", ", notReady)
                    + "; start Quipu with ./quipu run and wait until ./quipu status shows them ready");
            return 1;
        }
        DemoSeeder.Output output = DemoSeeder.terminal(System.out, System.err, DemoSeeder.interactiveTerminal());
        try {
            DemoSeeder.Result result = new DemoSeeder(endpoints, options.customers(), DemoSeeder.anchorDate(settings), output).seed();
            if (!result.complete()) {
                output.problem("quipu: the services refused some items (see above); ./quipu seed again creates only what is missing");
                return 1;
            }
            DemoSeeder.writeMarker(settings, result);
            return 0;
        } catch (DemoSeeder.SeedException | UncheckedIOException e) {
            output.problem("quipu: seeding stopped: " + e.getMessage());
            return 1;
        }
    }

    private static int stop(Settings settings) throws InterruptedException {
        Optional<ProcessHandle> launcher = LauncherProcess.running(settings);
        if (launcher.isEmpty()) {
            System.out.println("Quipu is not running");
            return 0;
        }
        System.out.println("stopping Quipu (launcher pid " + launcher.get().pid() + ")…");
        launcher.get().destroy();
        try {
            launcher.get().onExit().get(Limits.LAUNCHER_STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            System.out.println("Quipu stopped");
            return 0;
        } catch (TimeoutException e) {
            System.err.println("quipu: the launcher did not stop within " + Limits.LAUNCHER_STOP_TIMEOUT_SECONDS
                    + " s; see " + settings.logDirectory().resolve("launcher.log"));
            return 1;
        } catch (ExecutionException e) {
            return launcher.get().isAlive() ? 1 : 0;
        }
    }

    private static int status(Settings settings) {
        Optional<ProcessHandle> launcher = LauncherProcess.running(settings);
        Optional<LauncherState> state = StateFile.read(settings.stateFile());
        if (launcher.isEmpty()) {
            System.out.println("Quipu is not running"
                    + (state.map(LauncherState::running).orElse(false)
                    ? " (the last launcher did not stop cleanly; ./quipu run cleans up after it)" : ""));
            return 3;
        }
        System.out.println("Quipu is running: launcher pid " + launcher.get().pid()
                + state.map(s -> ", started " + s.startedAt() + ", PostgreSQL 127.0.0.1:" + s.postgresPort()
                + ", Kafka " + s.kafkaBootstrapServers()).orElse(""));
        System.out.printf("%-14s %-6s %-8s %-10s %-9s %s%n", "SERVICE", "PORT", "PID", "STATE", "RESTARTS", "URL");
        for (ServiceState service : state.map(LauncherState::services).orElse(List.of())) {
            System.out.printf("%-14s %-6d %-8s %-10s %-9d %s%n", service.name(), service.port(),
                    service.pid() == null ? "-" : service.pid(), service.state(), service.restarts(), service.url());
        }
        return 0;
    }

    /** The script follows logs with tail itself; run directly, the launcher says where the file is. */
    private static int logs(Settings settings, List<String> arguments) {
        if (arguments.size() != 1) {
            throw new IllegalArgumentException("usage: quipu logs <service>   (services: launcher, "
                    + String.join(", ", ServiceCatalog.names()) + ")");
        }
        System.out.println("tail -F " + settings.logDirectory().resolve(arguments.get(0) + ".log"));
        return 0;
    }
}

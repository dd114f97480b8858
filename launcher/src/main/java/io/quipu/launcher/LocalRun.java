package io.quipu.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quipu.launcher.StateFile.LauncherState;
import io.quipu.launcher.StateFile.ServiceState;

/** {@code quipu run}: PostgreSQL, Kafka, then the services, supervised until the launcher is stopped. */
final class LocalRun {

    private final Settings settings;
    private final RunOptions options;
    private final Logger log = LoggerFactory.getLogger(LocalRun.class);
    private final StateFile stateFile;
    private final String startedAt = OffsetDateTime.now().toString();
    private final long startedAtMillis = System.currentTimeMillis();
    private final Object shutdownLock = new Object();
    private volatile Infrastructure infrastructure;
    private volatile Supervisor supervisor;
    private boolean stopped;

    LocalRun(Settings settings, RunOptions options) {
        this.settings = settings;
        this.options = options;
        this.stateFile = new StateFile(settings.stateFile());
    }

    /** Runs until the JVM is asked to stop; returns only when the start failed. */
    int run() throws InterruptedException {
        try {
            Files.createDirectories(settings.logDirectory());
            Files.createDirectories(settings.dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Optional<ProcessHandle> running = LauncherProcess.running(settings);
        if (running.isPresent()) {
            throw new LaunchException("Quipu is already running (launcher pid " + running.get().pid()
                    + "); see ./quipu status, or stop it with ./quipu stop");
        }
        List<ServiceDefinition> selected = ServiceCatalog.select(options.only());
        log.info("Quipu local run: repository {}, data and logs in {}", settings.repositoryRoot(), settings.stateDirectory());
        List<ServiceDefinition> services = builtServices(selected);
        LauncherProcess.stopLeftOverServices(settings, log);
        LauncherProcess.writePidFile(settings);
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "quipu-shutdown"));

        infrastructure = Infrastructure.start(settings, services.stream()
                .filter(ServiceDefinition::needsDatabase).map(ServiceDefinition::name).toList());
        List<ServiceProcess> processes = new ArrayList<>();
        for (ServiceDefinition service : services) {
            Path jar = service.executableJar(settings.repositoryRoot()).orElseThrow();
            processes.add(new ServiceProcess(service, settings.portOf(service), jar,
                    settings.logDirectory().resolve(service.name() + ".log"), dataDirectoryOf(service), environmentOf(service)));
        }
        synchronized (shutdownLock) {
            if (stopped) {
                return 1;
            }
            supervisor = new Supervisor(processes, this::writeState);
        }
        writeState();
        supervisor.watch();
        supervisor.startAll();
        new Summary(settings, infrastructure, supervisor.services(), System.currentTimeMillis() - startedAtMillis).print(log);
        seedOnFirstStart();

        // The supervisor's threads do the work from here; the shutdown hook ends the run.
        new CountDownLatch(1).await();
        return 0;
    }

    /**
     * Demo data the first time the platform runs (docs/local-run.md): on a thread of its own, so supervision goes on
     * meanwhile. Not with {@code QUIPU_SEED=0}, not once {@code .quipu/seeded} exists, and not without identity,
     * customers and ledger all ready.
     */
    private void seedOnFirstStart() {
        if (!settings.seedOnFirstStart() || Files.exists(DemoSeeder.marker(settings))) {
            return;
        }
        List<String> ready = supervisor.services().stream()
                .filter(service -> service.state() == ServiceProcess.State.READY)
                .map(ServiceProcess::name)
                .toList();
        Optional<String> missing = DemoSeeder.missingServices(ready);
        if (missing.isPresent()) {
            log.info("not seeding demo data: {} not running or not ready (./quipu seed does it later)", missing.get());
            return;
        }
        Thread seeder = new Thread(this::seed, "quipu-seeder");
        seeder.setDaemon(true);
        seeder.start();
    }

    private void seed() {
        // On a terminal the progress line is rewritten in place; in a log, it is a line every second.
        DemoSeeder.ProgressLine line = DemoSeeder.interactiveTerminal() ? new DemoSeeder.ProgressLine(System.out) : null;
        DemoSeeder.Output output = new DemoSeeder.Output() {
            @Override
            public void progress(String text) {
                if (line != null) {
                    line.show(text);
                } else {
                    log.info("{}", text);
                }
            }

            @Override
            public void finished(String text) {
                clear();
                log.info("{}", text);
            }

            @Override
            public void problem(String text) {
                clear();
                log.warn("{}", text);
            }

            private void clear() {
                if (line != null) {
                    line.clear();
                }
            }
        };
        int customers = SeedOptions.DEFAULT_CUSTOMERS;
        log.info("seeding demo data: {} customers with an account, a deposit and a payment each (QUIPU_SEED=0 turns this off)",
                customers);
        try {
            DemoSeeder.Result result = new DemoSeeder(DemoSeeder.Endpoints.of(settings), customers,
                    DemoSeeder.anchorDate(settings), output).seed();
            if (result.complete()) {
                DemoSeeder.writeMarker(settings, result);
            } else {
                output.problem("demo data incomplete: the services refused some items (above); ./quipu seed creates what is missing");
            }
        } catch (DemoSeeder.SeedException | UncheckedIOException e) {
            if (!isStopping()) {
                output.problem("seeding demo data stopped: " + e.getMessage() + "; ./quipu seed tries again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean isStopping() {
        synchronized (shutdownLock) {
            return stopped;
        }
    }

    /** The selected services whose runnable jar exists; the others are reported and skipped. */
    private List<ServiceDefinition> builtServices(List<ServiceDefinition> selected) {
        List<ServiceDefinition> built = new ArrayList<>();
        List<String> notBuilt = new ArrayList<>();
        for (ServiceDefinition service : selected) {
            if (service.executableJar(settings.repositoryRoot()).isPresent()) {
                built.add(service);
            } else {
                notBuilt.add(service.name());
            }
        }
        if (!notBuilt.isEmpty()) {
            log.info("not built yet, so not started: {} (./quipu run builds every module that has sources)",
                    String.join(", ", notBuilt));
        }
        return built;
    }

    private Map<String, String> environmentOf(ServiceDefinition service) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", String.valueOf(settings.portOf(service)));
        environment.put("SPRING_PROFILES_ACTIVE", "local");
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        settings.additionalPortsOf(service).forEach((variable, port) -> environment.put(variable, String.valueOf(port)));
        environment.put("QUIPU_DATA_DIR", dataDirectoryOf(service).toString());
        if (service.needsDatabase()) {
            environment.put("SPRING_DATASOURCE_URL", infrastructure.jdbcUrl(service.name()));
            environment.put("SPRING_DATASOURCE_USERNAME", infrastructure.postgresUsername());
            environment.put("SPRING_DATASOURCE_PASSWORD", "");
        }
        // E-mail goes to the sandbox's mailbox (its SMTP port moves with QUIPU_PORT_OFFSET too).
        ServiceCatalog.find(ServiceCatalog.SANDBOX).map(sandbox -> settings.additionalPortsOf(sandbox).get(ServiceCatalog.SANDBOX_SMTP_PORT))
                .ifPresent(port -> {
                    environment.put("SPRING_MAIL_HOST", "127.0.0.1");
                    environment.put("SPRING_MAIL_PORT", String.valueOf(port));
                });
        // Passkeys are bound to the page's origin: the web app's (the gateway's) and identity's own, wherever their ports moved.
        if (service.name().equals("identity")) {
            ServiceCatalog.find(ServiceCatalog.GATEWAY).ifPresent(gateway -> environment.put("QUIPU_IDENTITY_WEBAUTHN_ORIGINS",
                    "http://localhost:" + settings.portOf(gateway) + ",http://localhost:" + settings.portOf(service)));
        }
        // Where every other service answers, as quipu.services.<name>.url: ports move with QUIPU_PORT_OFFSET.
        for (ServiceDefinition other : ServiceCatalog.SERVICES) {
            environment.put("QUIPU_SERVICES_" + other.name().toUpperCase(Locale.ROOT) + "_URL",
                    "http://localhost:" + settings.portOf(other));
        }
        return environment;
    }

    private Path dataDirectoryOf(ServiceDefinition service) {
        return settings.dataDirectory().resolve(service.name());
    }

    /** Services first (they still flush to Kafka and PostgreSQL while shutting down), then Kafka, then PostgreSQL. */
    private void stop() {
        synchronized (shutdownLock) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        log.info("stopping Quipu…");
        try {
            if (supervisor != null) {
                supervisor.close();
            }
            if (infrastructure != null) {
                infrastructure.close();
            }
        } catch (RuntimeException e) {
            log.error("stopping did not go cleanly", e);
        } finally {
            writeState();
            LauncherProcess.deletePidFile(settings);
            log.info("Quipu stopped");
        }
    }

    private void writeState() {
        List<ServiceState> services = new ArrayList<>();
        Supervisor current = supervisor;
        if (current != null) {
            for (ServiceProcess service : current.services()) {
                services.add(new ServiceState(service.name(), service.port(),
                        service.pid().isPresent() ? service.pid().getAsLong() : null,
                        service.state().label(), service.restarts(), service.url(), service.logFile().toString()));
            }
        }
        boolean running;
        synchronized (shutdownLock) {
            running = !stopped;
        }
        Infrastructure currentInfrastructure = infrastructure;
        try {
            stateFile.write(new LauncherState(ProcessHandle.current().pid(), running, startedAt, OffsetDateTime.now().toString(),
                    settings.repositoryRoot().toString(), settings.postgresPort(),
                    currentInfrastructure == null ? null : currentInfrastructure.kafkaBootstrapServers(), services));
        } catch (RuntimeException e) {
            log.warn("could not write the state file: {}", e.getMessage());
        }
    }
}

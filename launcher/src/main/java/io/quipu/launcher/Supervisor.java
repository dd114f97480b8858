package io.quipu.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quipu.launcher.ServiceDefinition.StartPhase;
import io.quipu.platform.embedded.FreePorts;

/**
 * Starts the services in order, a few at a time, and keeps them running: a service whose process dies, or whose
 * readiness keeps failing after it was ready, is restarted ("auto-healing"), within a restart rate limit.
 */
final class Supervisor implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

    private final List<ServiceProcess> services;
    private final Runnable stateChanged;
    private final ExecutorService startups = Executors.newFixedThreadPool(Limits.STARTUP_PARALLELISM, daemonThreads("startup"));
    private final ExecutorService healing = Executors.newCachedThreadPool(daemonThreads("auto-healing"));
    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(daemonThreads("supervisor"));
    private final long unhealthyRestartAfterMillis;
    private volatile boolean stopping;

    /** @param stateChanged called after every change of a service's state, to keep the state file current */
    Supervisor(List<ServiceProcess> services, Runnable stateChanged) {
        this(services, stateChanged, TimeUnit.SECONDS.toMillis(Limits.UNHEALTHY_RESTART_AFTER_SECONDS));
    }

    /** Tests shorten the unhealthy period so that they need not wait half a minute. */
    Supervisor(List<ServiceProcess> services, Runnable stateChanged, long unhealthyRestartAfterMillis) {
        this.services = List.copyOf(services);
        this.stateChanged = stateChanged;
        this.unhealthyRestartAfterMillis = unhealthyRestartAfterMillis;
    }

    List<ServiceProcess> services() {
        return services;
    }

    /** Begins the periodic check; services that are still starting are left to their startup. */
    void watch() {
        watch.scheduleWithFixedDelay(this::checkAll, Limits.SUPERVISION_INTERVAL_SECONDS, Limits.SUPERVISION_INTERVAL_SECONDS,
                TimeUnit.SECONDS);
    }

    /**
     * Starts every service, phase by phase (sandbox, the services, gateway), at most {@link Limits#STARTUP_PARALLELISM}
     * at once, and returns when each one is ready, has failed or has run out of time.
     */
    void startAll() throws InterruptedException {
        for (StartPhase phase : StartPhase.values()) {
            List<Future<?>> startups = new ArrayList<>();
            for (ServiceProcess service : services) {
                if (service.definition().startPhase() == phase) {
                    service.attended(true);
                    startups.add(this.startups.submit(() -> startAttended(service)));
                }
            }
            for (Future<?> startup : startups) {
                try {
                    startup.get();
                } catch (ExecutionException e) {
                    log.error("a startup failed unexpectedly", e.getCause());
                }
            }
            if (stopping) {
                return;
            }
        }
    }

    private void startAttended(ServiceProcess service) {
        try {
            if (!FreePorts.isFree(service.port())) {
                log.error("cannot start {}: port {} is already in use by another process (another Quipu run? try ./quipu status)",
                        service.name(), service.port());
                service.markFailed();
                return;
            }
            log.info("starting {}…", service.name());
            service.start();
            stateChanged.run();
            awaitReady(service);
        } catch (RuntimeException e) {
            if (!stopping) {
                log.error("could not start {}", service.name(), e);
                service.markFailed();
            }
        } finally {
            service.attended(false);
            stateChanged.run();
        }
    }

    /** Waits until the current process is ready; restarts it (rate-limited) when it dies on the way. */
    private void awaitReady(ServiceProcess service) {
        while (!stopping) {
            long nowMillis = System.currentTimeMillis();
            if (service.checkReadiness().join()) {
                service.markReady(nowMillis);
                log.info("{} ready in {} s", service.name(), seconds(nowMillis - service.startedAtMillis()));
                return;
            }
            if (!service.isAlive()) {
                if (!restart(service, "process " + service.exitDescription() + " while starting")) {
                    return;
                }
                continue;
            }
            if (nowMillis - service.startedAtMillis() > TimeUnit.SECONDS.toMillis(Limits.READINESS_TIMEOUT_SECONDS)) {
                log.error("{} is not ready after {} s; it is left running and watched (see {})",
                        service.name(), Limits.READINESS_TIMEOUT_SECONDS, service.logFile());
                return;
            }
            try {
                Thread.sleep(Limits.READINESS_POLL_INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Restarts the service if its rate limit allows, else marks it failed and leaves it down. */
    private boolean restart(ServiceProcess service, String reason) {
        if (stopping) {
            return false;
        }
        if (!service.restartLimiter().tryRecordRestart(System.currentTimeMillis())) {
            service.stop();
            service.markFailed();
            stateChanged.run();
            log.error("auto-healing: gave up on {} ({}): {} restarts within {} s already; it stays down (see {})",
                    service.name(), reason, Limits.MAXIMUM_RESTARTS_PER_WINDOW, Limits.RESTART_WINDOW_SECONDS, service.logFile());
            return false;
        }
        service.stop();
        service.start();
        service.countRestart();
        stateChanged.run();
        log.warn("auto-healing: restarted {} ({})", service.name(), reason);
        return true;
    }

    /** One round of supervision: every readiness check at once, so one hung service does not delay the others. */
    private void checkAll() {
        try {
            Map<ServiceProcess, CompletableFuture<Boolean>> checks = services.stream()
                    .filter(service -> !service.attended())
                    .filter(service -> service.state() != ServiceProcess.State.FAILED
                            && service.state() != ServiceProcess.State.STOPPED)
                    .collect(Collectors.toMap(service -> service, ServiceProcess::checkReadiness));
            for (Map.Entry<ServiceProcess, CompletableFuture<Boolean>> check : checks.entrySet()) {
                if (stopping) {
                    return;
                }
                judge(check.getKey(), check.getValue().join());
            }
            stateChanged.run();
        } catch (RuntimeException e) {
            // The schedule stops for good when a round throws: log and keep supervising.
            log.error("supervision round failed", e);
        }
    }

    private void judge(ServiceProcess service, boolean ready) {
        long nowMillis = System.currentTimeMillis();
        if (!service.isAlive()) {
            heal(service, "process " + service.exitDescription());
        } else if (ready) {
            if (service.state() != ServiceProcess.State.READY) {
                log.info("{} is ready{}", service.name(), service.lastReadyAtMillis() == 0
                        ? " after " + seconds(nowMillis - service.startedAtMillis()) + " s" : " again");
            }
            service.markReady(nowMillis);
        } else if (service.lastReadyAtMillis() > 0) {
            // A service that never became ready is not judged unhealthy: its startup already reported it.
            if (service.state() == ServiceProcess.State.READY) {
                log.warn("{} fails its readiness check", service.name());
                service.markUnhealthy();
            }
            if (nowMillis - service.lastReadyAtMillis() >= unhealthyRestartAfterMillis) {
                heal(service, "readiness failing for " + seconds(unhealthyRestartAfterMillis) + " s");
            }
        }
    }

    private void heal(ServiceProcess service, String reason) {
        service.attended(true);
        healing.submit(() -> {
            try {
                if (restart(service, reason)) {
                    awaitReady(service);
                }
            } catch (RuntimeException e) {
                if (!stopping) {
                    log.error("auto-healing of {} failed", service.name(), e);
                    service.markFailed();
                }
            } finally {
                service.attended(false);
                stateChanged.run();
            }
        });
    }

    /** Stops supervising, then every service at once (each gets its graceful-shutdown time). */
    @Override
    public void close() {
        stopping = true;
        watch.shutdownNow();
        startups.shutdownNow();
        healing.shutdownNow();
        List<Thread> stoppers = new ArrayList<>();
        for (ServiceProcess service : services) {
            Thread stopper = new Thread(() -> {
                boolean wasRunning = service.isAlive();
                service.close();
                if (wasRunning) {
                    log.info("{} stopped", service.name());
                }
            }, "stop-" + service.name());
            stopper.start();
            stoppers.add(stopper);
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stateChanged.run();
    }

    static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0);
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "quipu-" + name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

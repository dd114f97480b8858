package io.quipu.launcher;

import java.util.List;

/** Every limit of the local run in one place, each with its unit in its name. */
final class Limits {

    /** How long a service may take from process start to a passing readiness check. */
    static final int READINESS_TIMEOUT_SECONDS = 180;

    /** How often a starting service is asked whether it is ready. */
    static final int READINESS_POLL_INTERVAL_MILLIS = 500;

    /** One readiness request; a hung service must not hold up the checks of the others. */
    static final int READINESS_REQUEST_TIMEOUT_MILLIS = 2_000;

    /** How often the supervisor looks at every running service. */
    static final int SUPERVISION_INTERVAL_SECONDS = 2;

    /** A service that was ready and has failed readiness for this long is restarted. */
    static final int UNHEALTHY_RESTART_AFTER_SECONDS = 30;

    /** Restarts allowed per service within {@link #RESTART_WINDOW_SECONDS}; one more marks the service failed. */
    static final int MAXIMUM_RESTARTS_PER_WINDOW = 3;

    static final int RESTART_WINDOW_SECONDS = 60;

    /** Services starting at the same time: a Spring Boot start keeps a core busy, and the machine has two. */
    static final int STARTUP_PARALLELISM = 2;

    /** After SIGTERM a service gets this long to shut down gracefully before it is killed. */
    static final int SERVICE_STOP_TIMEOUT_SECONDS = 20;

    /** {@code quipu stop} waits this long for the launcher to stop every service, Kafka and PostgreSQL. */
    static final int LAUNCHER_STOP_TIMEOUT_SECONDS = 120;

    /** Each service JVM: a small heap, the serial collector and the quick JIT only, so a dozen fit on a laptop. */
    static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private Limits() {
    }
}

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

    /**
     * Demo data (DemoSeeder): customers per {@code POST /customers/batch}, and their accounts per
     * {@code POST /accounts/batch}; 1,000 is the maximum of both services.
     */
    static final int SEED_CUSTOMERS_PER_REQUEST = 1_000;

    /** Transfers per {@code POST /transfers/batch}, the ledger's maximum. */
    static final int SEED_TRANSFERS_PER_REQUEST = 8_190;

    /** Seeding requests in flight at once: enough to keep two cores busy, few enough to leave the services room. */
    static final int SEED_PARALLEL_REQUESTS = 4;

    /**
     * Transfer batches in flight at once: the ledger commits one batch at a time anyway, and each 8,190-transfer request
     * holds megabytes of JSON in a service heap of 256 MB; two keep it busy without collecting garbage all the time.
     */
    static final int SEED_PARALLEL_TRANSFER_REQUESTS = 2;

    /** Tries of one seeding request on connection errors, timeouts and 5xx answers, with pauses that double. */
    static final int SEED_MAX_ATTEMPTS = 4;

    static final int SEED_FIRST_RETRY_PAUSE_MILLIS = 500;

    /** One seeding request: a batch of 8,190 transfers on a busy laptop takes seconds, not minutes. */
    static final int SEED_REQUEST_TIMEOUT_SECONDS = 120;

    static final int SEED_CONNECT_TIMEOUT_SECONDS = 5;

    /** How often the seeding progress line is rewritten (or printed, when the output is not a terminal). */
    static final int SEED_PROGRESS_INTERVAL_SECONDS = 1;

    private Limits() {
    }
}

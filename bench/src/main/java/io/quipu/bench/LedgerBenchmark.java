package io.quipu.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.quipu.platform.embedded.EmbeddedPostgres;
import io.quipu.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;

/**
 * Ledger benchmarks: {@code java -jar bench/target/quipu-bench-0.1.0-SNAPSHOT-exec.jar ledger [options]}.
 *
 * <p>Starts embedded PostgreSQL (fsync on unless {@code --no-fsync}) and a Kafka broker (a child JVM) in a temporary
 * directory, runs the real ledger from its exec jar as a child JVM, and measures:
 * <ol>
 *   <li>the naive baseline — one transfer per commit with row locks, plain JDBC, in its own database;</li>
 *   <li>the ledger's batch API ({@code POST /transfers/batch}, 8,190 and 1,000 transfers per request);</li>
 *   <li>single transfers over HTTP ({@code POST /transfers}) from 64 concurrent clients;</li>
 *   <li>one hot account (every transfer debits the same funding account), batch and single.</li>
 * </ol>
 * The Markdown report goes to stdout, progress to stderr. Exit status: 0, or 2 when the money does not add up.
 * See docs/performance.md.
 */
public final class LedgerBenchmark {

    static final String NAIVE_SPREAD = "naive-spread";
    static final String NAIVE_HOT = "naive-hot";
    static final String BATCH_8190 = "batch-8190";
    static final String BATCH_1000 = "batch-1000";
    static final String SINGLE = "single";
    static final String HOT_BATCH = "hot-batch";
    static final String HOT_SINGLE = "hot-single";
    static final List<String> SCENARIOS = List.of(NAIVE_SPREAD, NAIVE_HOT, BATCH_8190, BATCH_1000, SINGLE, HOT_BATCH, HOT_SINGLE);

    private static final long FUNDING_PER_ACCOUNT_MINOR = 100_000_000L;
    private static final int MAX_BATCH = 8190;
    private static final PrintStream progress = System.err;

    /** Command-line options; every one has a default that fits this repository's 2-core reference machine. */
    record Options(int seconds, int warmupSeconds, int accounts, int naiveAccounts, int naiveThreads, int httpClients,
                   int batchClients, Set<String> only, Path ledgerJar, List<String> ledgerJvmOptions, Path directory,
                   boolean keep, boolean durable, int settleSeconds, int ledgerWarmupSeconds, int ledgerWarmupMaxSeconds,
                   Path ledgerSql, Map<String, String> postgresSettings) {

        static final String USAGE = """
                usage: java -jar quipu-bench-exec.jar ledger [options]
                  --seconds N            measured seconds per scenario (default 20)
                  --warmup N             warm-up seconds before each measurement (default 5)
                  --accounts N           ledger customer accounts, opened over HTTP (default 10000)
                  --naive-accounts N     accounts of the naive baseline, inserted in SQL (default 1000000)
                  --naive-threads N      JDBC threads of the naive baseline (default 16)
                  --http-clients N       concurrent clients for single transfers (default 64)
                  --batch-clients N      concurrent clients for the batch API (default 4)
                  --only a,b             run only these scenarios: %s
                  --ledger-jar PATH      the ledger's exec jar (default services/ledger/target/quipu-ledger-0.1.0-SNAPSHOT-exec.jar)
                  --ledger-jvm "OPTS"    JVM options of the ledger process (default "-Xmx1g")
                  --dir PATH             working directory (default: a new one under /tmp, deleted at the end)
                  --keep                 keep the working directory (PostgreSQL data, Kafka logs, ledger.log)
                  --no-fsync             PostgreSQL with fsync and synchronous_commit off (not durable; for comparison only)
                  --pg NAME=VALUE        a PostgreSQL server setting (repeatable), e.g. --pg shared_buffers=2GB; the report
                                         prints the server's settings
                  --settle N             between ledger scenarios, wait up to N s for the event publisher to catch up (default 30)
                  --ledger-warmup N      unmeasured load on the ledger before its scenarios, so that its JIT has compiled
                                         the hot paths (half batch, half single; default 60); then rounds of 20 s single
                                         transfers until its JIT takes under 0.05 of a core
                  --ledger-warmup-max N  at most this many seconds of warm-up in all (default 300)
                  --ledger-sql FILE      experiments only: SQL run on the ledger's database after its migrations, before
                                         any account exists (to try an index or storage change); the report says so
                """.formatted(String.join(",", SCENARIOS));

        static Options parse(String[] arguments) {
            List<String> args = new ArrayList<>(Arrays.asList(arguments));
            if (!args.isEmpty() && args.get(0).equals("ledger")) {
                args.remove(0);
            }
            int seconds = 20;
            int warmup = 5;
            int accounts = 10_000;
            int naiveAccounts = 1_000_000;
            int naiveThreads = 16;
            int httpClients = 64;
            int batchClients = 4;
            Set<String> only = new LinkedHashSet<>(SCENARIOS);
            Path jar = null;
            List<String> jvm = List.of("-Xmx1g");
            Path directory = null;
            boolean keep = false;
            boolean durable = true;
            int settle = 30;
            int ledgerWarmup = 60;
            int ledgerWarmupMax = 300;
            Path ledgerSql = null;
            Map<String, String> postgresSettings = new TreeMap<>();
            for (int index = 0; index < args.size(); index++) {
                String option = args.get(index);
                String value = index + 1 < args.size() ? args.get(index + 1) : null;
                switch (option) {
                    case "--seconds" -> seconds = positive(option, value);
                    case "--warmup" -> warmup = nonNegative(option, value);
                    case "--accounts" -> accounts = positive(option, value);
                    case "--naive-accounts" -> naiveAccounts = positive(option, value);
                    case "--naive-threads" -> naiveThreads = positive(option, value);
                    case "--http-clients" -> httpClients = positive(option, value);
                    case "--batch-clients" -> batchClients = positive(option, value);
                    case "--only" -> {
                        only = new LinkedHashSet<>(Arrays.asList(required(option, value).split(",")));
                        for (String scenario : only) {
                            if (!SCENARIOS.contains(scenario)) {
                                throw new IllegalArgumentException("unknown scenario " + scenario + "; known: " + SCENARIOS);
                            }
                        }
                    }
                    case "--ledger-jar" -> jar = Path.of(required(option, value));
                    case "--ledger-jvm" -> jvm = Arrays.stream(required(option, value).trim().split("\\s+"))
                            .filter(part -> !part.isEmpty()).toList();
                    case "--dir" -> directory = Path.of(required(option, value));
                    case "--settle" -> settle = nonNegative(option, value);
                    case "--ledger-warmup" -> ledgerWarmup = nonNegative(option, value);
                    case "--ledger-warmup-max" -> ledgerWarmupMax = nonNegative(option, value);
                    case "--ledger-sql" -> ledgerSql = Path.of(required(option, value));
                    case "--pg" -> {
                        String[] setting = required(option, value).split("=", 2);
                        if (setting.length != 2) {
                            throw new IllegalArgumentException("--pg takes NAME=VALUE, not " + value);
                        }
                        postgresSettings.put(setting[0], setting[1]);
                    }
                    case "--keep" -> {
                        keep = true;
                        index--;
                    }
                    case "--no-fsync" -> {
                        durable = false;
                        index--;
                    }
                    case "--help", "-h" -> throw new IllegalArgumentException("");
                    default -> throw new IllegalArgumentException("unknown option " + option);
                }
                index++;
            }
            if (accounts < 2 || naiveAccounts < 3) {
                throw new IllegalArgumentException("need at least 2 ledger accounts and 3 naive accounts");
            }
            return new Options(seconds, warmup, accounts, naiveAccounts, naiveThreads, httpClients, batchClients, only,
                    jar == null ? defaultLedgerJar() : jar, jvm, directory, keep, durable, settle, ledgerWarmup,
                    Math.max(ledgerWarmup, ledgerWarmupMax), ledgerSql, Map.copyOf(postgresSettings));
        }

        private static String required(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }

        private static int positive(String option, String value) {
            int parsed = nonNegative(option, value);
            if (parsed == 0) {
                throw new IllegalArgumentException(option + " must be positive");
            }
            return parsed;
        }

        private static int nonNegative(String option, String value) {
            try {
                int parsed = Integer.parseInt(required(option, value).replace("_", ""));
                if (parsed < 0) {
                    throw new IllegalArgumentException(option + " must not be negative");
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " needs a whole number, not " + value);
            }
        }

        /** The ledger jar of this checkout: searched from the working directory upwards. */
        private static Path defaultLedgerJar() {
            Path relative = Path.of("services", "ledger", "target", "quipu-ledger-0.1.0-SNAPSHOT-exec.jar");
            for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
                if (Files.isRegularFile(directory.resolve(relative))) {
                    return directory.resolve(relative);
                }
            }
            return relative;
        }
    }

    /** One row of the report. */
    record Row(String key, String title, LoadRun.Result result, String eventBacklog) {
    }

    private final Options options;
    private final Path directory;
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final List<String> facts = new ArrayList<>();
    private final List<String> checks = new ArrayList<>();
    private boolean moneyAddsUp = true;

    private EmbeddedPostgres postgres;
    private KafkaBrokerProcess kafka;
    private LedgerProcess ledger;
    private LedgerHttp http;
    private CpuSampler cpu;
    private PgWaitSampler waits;
    private Connection ledgerSql;
    private UUID fundingAccount;
    private UUID[] customers;
    private final LoadRun.Totals ledgerTotals = new LoadRun.Totals();

    private LedgerBenchmark(Options options, Path directory) {
        this.options = options;
        this.directory = directory;
    }

    public static void main(String[] arguments) throws Exception {
        if (arguments.length > 0 && arguments[0].equals(KafkaBrokerProcess.COMMAND)) {
            KafkaBrokerProcess.serve(arguments);
            System.exit(0);
            return;
        }
        Options options;
        try {
            options = Options.parse(arguments);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                progress.println("quipu bench: " + e.getMessage());
            }
            progress.print(Options.USAGE);
            System.exit(e.getMessage().isEmpty() ? 0 : 64);
            return;
        }
        if (!Files.isRegularFile(options.ledgerJar())) {
            progress.println("quipu bench: no ledger jar at " + options.ledgerJar()
                    + "; build it: ./mvnw -B -q -o install -pl services/ledger -DskipTests (or pass --ledger-jar)");
            System.exit(66);
        }
        Path directory = options.directory() != null ? options.directory().toAbsolutePath()
                : Files.createTempDirectory(Path.of("/tmp"), "quipu-bench-");
        Files.createDirectories(directory);
        // PostgreSQL runs as 'nobody' when we are root: it must be able to enter the directory.
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
        // Before the first logger exists: PostgreSQL's log goes to this file (the Kafka broker's to kafka.log).
        System.setProperty("quipu.bench.log.file", directory.resolve("bench.log").toString());
        // By name: quipu-platform-test (for TestTokens) ships a logback-test.xml that would otherwise win.
        System.setProperty("logback.configurationFile", "quipu-bench-logback.xml");
        LedgerBenchmark benchmark = new LedgerBenchmark(options, directory);
        int status;
        try {
            status = benchmark.run();
        } finally {
            benchmark.shutDown();
        }
        System.exit(status);
    }

    private int run() throws Exception {
        long started = System.nanoTime();
        String loadBefore = loadAverage();
        log("working directory " + directory + (options.keep() ? " (kept)" : " (deleted at the end)"));
        machineFacts();
        log("starting PostgreSQL (" + (options.durable() ? "fsync on" : "fsync OFF") + ") …");
        postgres = EmbeddedPostgres.start(directory.resolve("postgres"), 0, options.durable(), true, options.postgresSettings());
        if (!options.postgresSettings().isEmpty()) {
            facts.add("PostgreSQL settings given on the command line (--pg): " + new TreeMap<>(options.postgresSettings()));
        }
        postgres.createDatabaseIfMissing("ledger");
        postgres.createDatabaseIfMissing("naive_baseline");
        postgresFacts();
        boolean ledgerNeeded = options.only().stream().anyMatch(scenario -> !scenario.startsWith("naive"));
        if (ledgerNeeded) {
            startLedger();
        }
        cpu = new CpuSampler(ledger == null ? 0 : ledger.pid(), kafka == null ? 0 : kafka.pid(), postmasterPid());
        waits = new PgWaitSampler(postgres.jdbcUrl("postgres"), postgres.username());

        if (options.only().contains(NAIVE_SPREAD) || options.only().contains(NAIVE_HOT)) {
            naiveBaseline();
        }
        if (ledgerNeeded) {
            ledgerScenarios();
            verifyLedger();
        }
        double minutes = (System.nanoTime() - started) / 60e9;
        facts.add(String.format(Locale.ROOT, "Load average (1/5/15 min) before the run: %s; after: %s; whole run %.1f min",
                loadBefore, loadAverage(), minutes));
        report();
        return moneyAddsUp ? 0 : 2;
    }

    // ---- setup

    private void startLedger() throws Exception {
        log("starting Kafka …");
        kafka = KafkaBrokerProcess.start(directory.resolve("kafka"), directory.resolve("kafka.log"), Map.of("transfers", 6));
        TestTokens tokens = TestTokens.get();
        int port = freePort();
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SERVER_PORT", String.valueOf(port));
        environment.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl("ledger"));
        environment.put("SPRING_DATASOURCE_USERNAME", postgres.username());
        environment.put("SPRING_DATASOURCE_PASSWORD", "");
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_JWK_SET_URI", tokens.jwkSetUri());
        environment.put("QUIPU_SECURITY_ISSUER", TestTokens.ISSUER);
        environment.put("LOGGING_STRUCTURED_FORMAT_CONSOLE", "");
        log("starting the ledger (" + options.ledgerJar() + ", " + String.join(" ", options.ledgerJvmOptions()) + ") on port " + port + " …");
        long start = System.nanoTime();
        ledger = LedgerProcess.start(options.ledgerJar(), directory, port, options.ledgerJvmOptions(), environment);
        http = new LedgerHttp(port);
        ledger.awaitReady(http, Duration.ofSeconds(180));
        log(String.format(Locale.ROOT, "ledger ready in %.1f s (pid %d, log %s)", (System.nanoTime() - start) / 1e9,
                ledger.pid(), ledger.logFile()));
        ledgerSql = DriverManager.getConnection(postgres.jdbcUrl("ledger"), postgres.username(), "");
        if (options.ledgerSql() != null) {
            String sql = Files.readString(options.ledgerSql());
            try (Statement statement = ledgerSql.createStatement()) {
                statement.execute(sql);
            }
            facts.add("EXPERIMENT: the ledger's schema was changed before the run with " + options.ledgerSql() + ": "
                    + sql.replaceAll("\\s+", " ").trim());
        }
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(postgres.dataDirectory().resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    // ---- 1: the naive baseline

    private void naiveBaseline() throws Exception {
        NaiveBaseline naive = new NaiveBaseline(postgres.jdbcUrl("naive_baseline"), postgres.username(), options.naiveAccounts());
        long start = System.nanoTime();
        log(String.format(Locale.ROOT, "naive baseline: inserting %,d accounts in SQL …", options.naiveAccounts()));
        naive.setUp();
        log(String.format(Locale.ROOT, "naive baseline: accounts ready in %.1f s", (System.nanoTime() - start) / 1e9));
        LoadRun.Totals totals = new LoadRun.Totals();
        if (options.only().contains(NAIVE_SPREAD)) {
            measure(NAIVE_SPREAD, String.format(Locale.ROOT, "1 naive SQL, 1 transfer/commit, %d threads, spread over %,d accounts",
                    options.naiveThreads(), options.naiveAccounts()), threads(options.naiveThreads(), () -> naive.operation(false)),
                    totals, "naive_baseline", false);
        }
        if (options.only().contains(NAIVE_HOT)) {
            measure(NAIVE_HOT, String.format(Locale.ROOT, "1 naive SQL, 1 transfer/commit, %d threads, one hot account",
                    options.naiveThreads()), threads(options.naiveThreads(), () -> naive.operation(true)), totals, "naive_baseline", false);
        }
        long[] after = naive.totals();
        boolean same = after[0] == totals.okTransfers.sum() && after[1] == totals.okAmountMinor.sum()
                && after[2] == naive.expectedTotalBalance();
        moneyAddsUp &= same;
        checks.add(String.format(Locale.ROOT,
                "Naive baseline: %,d transfers committed (the benchmark counted %,d), amounts %,d minor units (counted %,d); "
                        + "sum of balances %,d, expected %,d (unchanged) → %s",
                after[0], totals.okTransfers.sum(), after[1], totals.okAmountMinor.sum(), after[2], naive.expectedTotalBalance(),
                same ? "OK" : "MISMATCH"));
    }

    // ---- 2–4: the ledger

    private void ledgerScenarios() throws Exception {
        openAccounts();
        fundAccounts();
        warmUpLedger();
        if (options.only().contains(BATCH_8190)) {
            ledgerRun(BATCH_8190, String.format(Locale.ROOT, "2 ledger batch API, 8,190/request, %d clients, spread", options.batchClients()),
                    threads(options.batchClients(), () -> batchOperation(MAX_BATCH, false)));
        }
        if (options.only().contains(BATCH_1000)) {
            ledgerRun(BATCH_1000, String.format(Locale.ROOT, "2 ledger batch API, 1,000/request, %d clients, spread", options.batchClients()),
                    threads(options.batchClients(), () -> batchOperation(1000, false)));
        }
        // Single transfers before the hot batch: a batch run leaves an event backlog the publisher may need longer than
        // --settle to drain, and draining it would take CPU from the scenario after it.
        if (options.only().contains(SINGLE)) {
            ledgerRun(SINGLE, String.format(Locale.ROOT, "3 single transfers over HTTP, %d clients, spread", options.httpClients()),
                    async(options.httpClients(), this::singleOperation));
        }
        if (options.only().contains(HOT_SINGLE)) {
            ledgerRun(HOT_SINGLE, String.format(Locale.ROOT, "4 hot account, single over HTTP, %d clients", options.httpClients()),
                    async(options.httpClients(), this::hotSingleOperation));
        }
        if (options.only().contains(HOT_BATCH)) {
            ledgerRun(HOT_BATCH, String.format(Locale.ROOT, "4 hot account, batch API 8,190/request, %d clients", options.batchClients()),
                    threads(options.batchClients(), () -> batchOperation(MAX_BATCH, true)));
        }
    }

    private void openAccounts() throws Exception {
        fundingAccount = Uuid7.next();
        LedgerHttp.Response funding = http.post("/accounts",
                LedgerHttp.openAccountJson(fundingAccount, null, "SETTLEMENT").getBytes(StandardCharsets.UTF_8));
        if (funding.status() != 201) {
            throw new IllegalStateException("opening the funding account: " + funding.status() + " " + funding.text());
        }
        customers = new UUID[options.accounts()];
        for (int index = 0; index < customers.length; index++) {
            customers[index] = Uuid7.next();
        }
        log(String.format(Locale.ROOT, "opening %,d customer accounts over HTTP (16 at a time) …", customers.length));
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(16, runnable -> new Thread(runnable, "bench-open-accounts"));
        List<Future<?>> done = new ArrayList<>();
        for (int thread = 0; thread < 16; thread++) {
            done.add(pool.submit(() -> {
                for (int index = next.getAndIncrement(); index < customers.length; index = next.getAndIncrement()) {
                    byte[] body = LedgerHttp.openAccountJson(customers[index], UUID.randomUUID(), "SAVINGS")
                            .getBytes(StandardCharsets.UTF_8);
                    LedgerHttp.Response response = http.post("/accounts", body);
                    if (response.status() != 201) {
                        throw new IllegalStateException("opening an account: " + response.status() + " " + response.text());
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        facts.add(String.format(Locale.ROOT, "Ledger accounts: %,d SAVINGS accounts opened with POST /accounts (16 concurrent) in %.1f s "
                + "(%,.0f accounts/s), plus one SETTLEMENT account that funds them (%s each) and is the hot account of scenario 4",
                customers.length, seconds, customers.length / seconds, decimal(FUNDING_PER_ACCOUNT_MINOR)));
    }

    private void fundAccounts() throws Exception {
        log("funding them with the batch API …");
        for (int from = 0; from < customers.length; from += MAX_BATCH) {
            int to = Math.min(customers.length, from + MAX_BATCH);
            StringBuilder json = new StringBuilder((to - from) * 190 + 20).append("{\"transfers\":[");
            for (int index = from; index < to; index++) {
                if (index > from) {
                    json.append(',');
                }
                LedgerHttp.appendTransfer(json, Uuid7.next(), fundingAccount, customers[index], FUNDING_PER_ACCOUNT_MINOR);
            }
            json.append("]}");
            LedgerHttp.Response response = http.post("/transfers/batch", json.toString().getBytes(StandardCharsets.UTF_8));
            List<String> results = response.status() == 200 ? LedgerHttp.batchResults(response.body()) : List.of();
            long ok = results.stream().filter("ok"::equals).count();
            if (ok != to - from) {
                throw new IllegalStateException("funding failed: " + response.status() + " " + (results.isEmpty() ? response.text() : results));
            }
            ledgerTotals.okTransfers.add(ok);
            ledgerTotals.okAmountMinor.add(ok * FUNDING_PER_ACCOUNT_MINOR);
        }
    }

    private static final int JIT_ROUND_SECONDS = 20;
    private static final double JIT_QUIET_CORES = 0.05;

    /**
     * A JVM that has just started runs interpreted and C1-compiled code, and on two busy cores its C2 compiler needs
     * tens of seconds to catch up: unmeasured load first, as a ledger in production has been running for a while.
     */
    private void warmUpLedger() throws Exception {
        if (options.ledgerWarmupSeconds() == 0) {
            return;
        }
        int half = Math.max(1, options.ledgerWarmupSeconds() / 2);
        log(String.format(Locale.ROOT, "warming up the ledger: %d s of batches, %d s of single transfers (not measured) …", half, half));
        long start = System.nanoTime();
        threads(options.batchClients(), () -> batchOperation(1000, false))
                .run("warmup-batch", Duration.ofSeconds(half), Duration.ZERO, ledgerTotals, "ledger", LoadRun.WindowProbe.NONE);
        Clients singles = async(options.httpClients(), this::singleOperation);
        singles.run("warmup-single", Duration.ofSeconds(half), Duration.ZERO, ledgerTotals, "ledger", LoadRun.WindowProbe.NONE);
        // Then single transfers in rounds until the ledger's JIT compilers are nearly idle: on two busy cores C2 was
        // still taking a quarter of the ledger's CPU three minutes after start (docs/performance.md).
        int rounds = 0;
        String lastRoundJit = "none";
        while ((System.nanoTime() - start) / 1e9 + JIT_ROUND_SECONDS <= options.ledgerWarmupMaxSeconds()) {
            LoadRun.Result round = singles.run("warmup-single", Duration.ZERO, Duration.ofSeconds(JIT_ROUND_SECONDS),
                    ledgerTotals, "ledger", LoadRun.WindowProbe.NONE);
            rounds++;
            double jit = round.cpu().ledgerJit();
            lastRoundJit = String.format(Locale.ROOT, "%.2f", jit);
            log(String.format(Locale.ROOT, "  warm-up round %d: the ledger's JIT took %.2f of a core", rounds, jit));
            if (jit < JIT_QUIET_CORES) {
                break;
            }
        }
        String backlog = settleEvents();
        facts.add(String.format(Locale.ROOT, "Ledger JIT warm-up before its scenarios: %d s batch + %d s single transfers, "
                        + "then %d round(s) of %d s single transfers until its JIT compilers took less than %.2f of a core "
                        + "(last round: %s; at most %d s of warm-up); not measured (event backlog then %s); %.0f s in all",
                half, half, rounds, JIT_ROUND_SECONDS, JIT_QUIET_CORES, lastRoundJit, options.ledgerWarmupMaxSeconds(), backlog,
                (System.nanoTime() - start) / 1e9));
    }

    private LoadRun.Operation batchOperation(int size, boolean hot) {
        return () -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            long[] amounts = new long[size];
            StringBuilder json = new StringBuilder(size * 190 + 20).append("{\"transfers\":[");
            for (int index = 0; index < size; index++) {
                UUID[] pair = hot ? new UUID[] {fundingAccount, customers[random.nextInt(customers.length)]} : spreadPair(random);
                amounts[index] = 1 + random.nextInt(100);
                if (index > 0) {
                    json.append(',');
                }
                LedgerHttp.appendTransfer(json, Uuid7.next(), pair[0], pair[1], amounts[index]);
            }
            json.append("]}");
            LedgerHttp.Response response = http.post("/transfers/batch", json.toString().getBytes(StandardCharsets.UTF_8));
            if (response.status() != 200) {
                return LoadRun.Outcome.failure("http " + response.status(), size);
            }
            List<String> results = LedgerHttp.batchResults(response.body());
            int ok = 0;
            long amount = 0;
            Map<String, Integer> failures = new LinkedHashMap<>();
            for (int index = 0; index < results.size(); index++) {
                if (results.get(index).equals("ok")) {
                    ok++;
                    amount += amounts[index];
                } else {
                    failures.merge(results.get(index), 1, Integer::sum);
                }
            }
            if (results.size() != size) {
                failures.merge("missing results", size - results.size(), Integer::sum);
            }
            return new LoadRun.Outcome(ok, amount, failures);
        };
    }

    private CompletableFuture<LoadRun.Outcome> singleOperation() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        UUID[] pair = spreadPair(random);
        return single(pair[0], pair[1], 1 + random.nextInt(100));
    }

    private CompletableFuture<LoadRun.Outcome> hotSingleOperation() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return single(fundingAccount, customers[random.nextInt(customers.length)], 1 + random.nextInt(100));
    }

    private CompletableFuture<LoadRun.Outcome> single(UUID debit, UUID credit, long amount) {
        StringBuilder json = new StringBuilder(200);
        LedgerHttp.appendTransfer(json, Uuid7.next(), debit, credit, amount);
        return http.postAsync("/transfers", json.toString().getBytes(StandardCharsets.UTF_8)).thenApply(response -> {
            if (response.status() == 201) {
                return LoadRun.Outcome.success(1, amount);
            }
            String code = "";
            try {
                code = " " + LedgerHttp.tree(response.body()).path("code").asString();
            } catch (RuntimeException e) {
                // not a problem document
            }
            return LoadRun.Outcome.failure("http " + response.status() + code, 1);
        });
    }

    private UUID[] spreadPair(ThreadLocalRandom random) {
        int debit = random.nextInt(customers.length);
        int credit = random.nextInt(customers.length - 1);
        if (credit >= debit) {
            credit++;
        }
        return new UUID[] {customers[debit], customers[credit]};
    }

    /** How a scenario's clients run: a thread each that waits for its answer, or callbacks on the HTTP client's thread. */
    private interface Clients {
        LoadRun.Result run(String name, Duration warmup, Duration measure, LoadRun.Totals totals, String database,
                           LoadRun.WindowProbe probe) throws InterruptedException;
    }

    private Clients threads(int count, java.util.function.Supplier<LoadRun.Operation> operations) {
        return (name, warmup, measure, totals, database, probe) ->
                LoadRun.run(name, count, operations, warmup, measure, totals, cpu, waits, database, probe);
    }

    private Clients async(int count, LoadRun.AsyncOperation operation) {
        return (name, warmup, measure, totals, database, probe) ->
                LoadRun.runAsync(name, count, operation, warmup, measure, totals, cpu, waits, database, probe);
    }

    private void ledgerRun(String key, String title, Clients clients) throws Exception {
        measure(key, title, clients, ledgerTotals, "ledger", true);
    }

    private void measure(String key, String title, Clients clients, LoadRun.Totals totals, String database,
                         boolean ledgerScenario) throws Exception {
        log(String.format(Locale.ROOT, "%s: %d s warm-up + %d s measured …", title, options.warmupSeconds(), options.seconds()));
        LoadRun.Result result = clients.run(key, Duration.ofSeconds(options.warmupSeconds()), Duration.ofSeconds(options.seconds()),
                totals, database, ledgerScenario ? new LedgerMeters(http) : LoadRun.WindowProbe.NONE);
        String backlog = ledgerScenario ? settleEvents() : "–";
        rows.put(key, new Row(key, title, result, backlog));
        log(String.format(Locale.ROOT, "  → %,.0f transfers/s%s; failures %s; CPU: %s", result.transfersPerSecond(),
                result.latency() == null ? "" : String.format(Locale.ROOT, ", p50 %.2f ms, p99 %.2f ms",
                        result.latency().p50Millis(), result.latency().p99Millis()),
                result.failures().isEmpty() ? "none" : result.failures(), result.cpu().describe()));
    }

    /** How far behind the transfer-event publisher is; waits (bounded) for it so the next scenario starts clean. */
    private String settleEvents() throws SQLException, InterruptedException {
        long backlog = eventBacklog();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(options.settleSeconds());
        long now = backlog;
        while (now > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            now = eventBacklog();
        }
        double waited = (System.nanoTime() - start) / 1e9;
        if (backlog == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, "%,d%s", backlog, now == 0
                ? String.format(Locale.ROOT, " (published %.0f s later)", waited)
                : String.format(Locale.ROOT, " (%,d still after %.0f s)", now, waited));
    }

    private long eventBacklog() throws SQLException {
        try (Statement sql = ledgerSql.createStatement();
             ResultSet row = sql.executeQuery("select count(*) from transfers where timestamp > (select last_timestamp from event_cursor)")) {
            row.next();
            return row.getLong(1);
        }
    }

    // ---- correctness

    private void verifyLedger() throws Exception {
        try (Statement sql = ledgerSql.createStatement();
             ResultSet row = sql.executeQuery("""
                     select (select count(*) from transfers), (select coalesce(sum(amount), 0) from transfers),
                            sum(debits_posted), sum(credits_posted), sum(debits_pending), sum(credits_pending),
                            count(*) filter (where debits_must_not_exceed_credits and debits_posted + debits_pending > credits_posted)
                     from accounts""")) {
            row.next();
            long transfers = row.getLong(1);
            long amounts = row.getLong(2);
            long debits = row.getLong(3);
            long credits = row.getLong(4);
            long pending = row.getLong(5) + row.getLong(6);
            long overdrawn = row.getLong(7);
            boolean balanced = debits == credits && debits == amounts && pending == 0 && overdrawn == 0;
            boolean counted = transfers == ledgerTotals.okTransfers.sum() && amounts == ledgerTotals.okAmountMinor.sum();
            moneyAddsUp &= balanced && counted;
            checks.add(String.format(Locale.ROOT,
                    "Ledger (SQL): sum of debits posted %s = sum of credits posted %s = sum of transfer amounts %s PEN "
                            + "over %,d accounts; pending 0: %s; overdrawn deposit accounts: %d → %s",
                    decimal(debits), decimal(credits), decimal(amounts), customers.length + 1, pending == 0, overdrawn,
                    balanced ? "OK" : "MISMATCH"));
            checks.add(String.format(Locale.ROOT,
                    "Ledger vs benchmark: %,d transfers stored, %,d answered ok to the benchmark (warm-ups and funding included); "
                            + "amounts %s vs %s → %s%s",
                    transfers, ledgerTotals.okTransfers.sum(), decimal(amounts), decimal(ledgerTotals.okAmountMinor.sum()),
                    counted ? "OK" : "MISMATCH",
                    counted ? "" : " (requests that failed or timed out may still have committed)"));
        }
        // The same through the API: the funding account's debits, and a customer's balance.
        JsonNode funding = LedgerHttp.tree(http.get("/accounts/" + fundingAccount).body());
        long sqlFundingDebits;
        try (var statement = ledgerSql.prepareStatement("select debits_posted from accounts where id = ?")) {
            statement.setObject(1, fundingAccount);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                sqlFundingDebits = row.getLong(1);
            }
        }
        String apiDebits = funding.path("debitsPosted").path("amount").asString();
        boolean same = apiDebits.equals(decimal(sqlFundingDebits));
        moneyAddsUp &= same;
        checks.add(String.format(Locale.ROOT, "Ledger (GET /accounts/{funding}): debitsPosted %s PEN, SQL %s → %s", apiDebits,
                decimal(sqlFundingDebits), same ? "OK" : "MISMATCH"));
        checks.add("Transfer events not yet published to Kafka at the end: " + String.format(Locale.ROOT, "%,d", eventBacklog()));
        long errors;
        try (Stream<String> lines = Files.lines(ledger.logFile())) {
            errors = lines.filter(line -> line.contains(" ERROR ")).count();
        }
        checks.add("ERROR lines in the ledger's log: " + errors);
    }

    // ---- report

    private void report() {
        PrintStream out = System.out;
        out.println();
        out.println("## Ledger benchmark, " + OffsetDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx")));
        out.println();
        MarkdownTable table = new MarkdownTable("scenario", ">transfers", ">seconds", ">transfers/s", ">p50 ms", ">p99 ms",
                "target", "met?");
        List<Row> ordered = SCENARIOS.stream().map(rows::get).filter(java.util.Objects::nonNull).toList();
        for (Row row : ordered) {
            LoadRun.Result result = row.result();
            String[] target = target(row);
            table.row(row.title(), String.format(Locale.ROOT, "%,d", result.okTransfers()),
                    String.format(Locale.ROOT, "%.1f", result.seconds()), MarkdownTable.number(result.transfersPerSecond()),
                    result.latency() == null ? "–" : MarkdownTable.millis(result.latency().p50Millis()),
                    result.latency() == null ? "–" : MarkdownTable.millis(result.latency().p99Millis()), target[0], target[1]);
        }
        out.print(table.render());
        out.println();
        out.println("Latency is per request (a batch request carries 8,190 or 1,000 transfers), measured by the client from "
                + "sending to the last byte of the answer; closed loop, so it includes waiting in the ledger's queue.");
        out.println();
        MarkdownTable details = new MarkdownTable("scenario", ">requests", ">p99.9 ms", ">max ms", "failures",
                ">CPU µs/transfer: ledger (its JIT) / PostgreSQL",
                "CPU cores used: load gen / bench other / Kafka / ledger / PostgreSQL / other = machine; steal",
                "PostgreSQL active backends (sampled)",
                "events unpublished at end");
        for (Row row : ordered) {
            LoadRun.Result result = row.result();
            CpuSampler.Usage usage = result.cpu();
            details.row(row.key(), String.format(Locale.ROOT, "%,d", result.operations()),
                    result.latency() == null ? "–" : MarkdownTable.millis(result.latency().p999Millis()),
                    result.latency() == null ? "–" : MarkdownTable.millis(result.latency().maxMillis()),
                    result.failures().isEmpty() ? "none" : result.failures().toString(),
                    result.okTransfers() == 0 ? "–" : String.format(Locale.ROOT, "%.0f (%.0f) / %.0f",
                            usage.ledger() * result.seconds() * 1e6 / result.okTransfers(),
                            usage.ledgerJit() * result.seconds() * 1e6 / result.okTransfers(),
                            usage.postgres() * result.seconds() * 1e6 / result.okTransfers()),
                    String.format(Locale.ROOT, "%.2f / %.2f / %.2f / %.2f / %.2f / %.2f = %.2f; %.2f", usage.loadGenerator(),
                            usage.benchOther(), usage.kafka(), usage.ledger(), usage.postgres(), usage.other(), usage.machine(),
                            usage.steal()),
                    result.waits(), row.eventBacklog());
        }
        out.print(details.render());
        out.println();
        out.println("CPU µs/transfer: CPU time the ledger JVM (all its threads: HTTP, writer, event publisher, JIT, GC) and "
                + "the PostgreSQL server (all its processes) used per successful transfer in the window; less sensitive to "
                + "other load on the machine than transfers/s. In parentheses, the part of the ledger's that its JIT "
                + "compiler threads used in the window: work that a ledger which has run for longer no longer does.");
        out.println();
        MarkdownTable inside = new MarkdownTable("scenario", "inside the ledger (its /actuator/prometheus over the window)");
        ordered.stream().filter(row -> row.result().inside() != null)
                .forEach(row -> inside.row(row.key(), row.result().inside()));
        out.print(inside.render());
        out.println();
        out.println("Inside the ledger: its writer's batches (from the first read to the commit) and the time a POST "
                + "/transfers or /transfers/batch request spent in the ledger's filters and controller. The rest of the "
                + "client's latency is Tomcat's queue, the kernel and the load generator.");
        out.println();
        out.println("CPU: \"bench other\" is the benchmark JVM minus its load-generating threads: its GC, JIT and samplers. "
                + "\"Kafka\" is the broker's own JVM (receiving the ledger's transfer events). \"other\" is every other process "
                + "on the machine. "
                + "\"steal\" is CPU time the hypervisor did not give this virtual machine although it was runnable (of "
                + Runtime.getRuntime().availableProcessors() + " cores).");
        out.println();
        out.println("### Machine");
        facts.forEach(fact -> out.println("- " + fact));
        out.println();
        out.println("### Correctness");
        checks.forEach(check -> out.println("- " + check));
        out.println();
        out.println(moneyAddsUp ? "Money adds up." : "MONEY DOES NOT ADD UP: see the checks above.");
        out.flush();
    }

    /** [target, met?] of a row. */
    private String[] target(Row row) {
        LoadRun.Result result = row.result();
        double rate = result.transfersPerSecond();
        return switch (row.key()) {
            case NAIVE_SPREAD -> new String[] {"– (baseline; pgbench ≈ 3,200/s)", "–"};
            case NAIVE_HOT -> ratio(rate, NAIVE_SPREAD, "– (baseline)", 0);
            case BATCH_8190, BATCH_1000 -> new String[] {"≥ 20,000/s", rate >= 20_000 ? "yes" : "NO"};
            case SINGLE -> {
                boolean fast = rate >= 5_000;
                boolean quick = result.latency() != null && result.latency().p99Millis() <= 20;
                yield new String[] {"≥ 5,000/s, p99 ≤ 20 ms", fast && quick ? "yes" : "NO (" + (fast ? "" : "rate") + (fast || quick ? "" : ", ")
                        + (quick ? "" : "p99") + ")"};
            }
            case HOT_BATCH -> ratio(rate, BATCH_8190, "≥ 80% of spread", 0.8);
            case HOT_SINGLE -> ratio(rate, SINGLE, "≥ 80% of spread", 0.8);
            default -> new String[] {"", ""};
        };
    }

    private String[] ratio(double rate, String spreadKey, String target, double minimum) {
        Row spread = rows.get(spreadKey);
        if (spread == null) {
            return new String[] {target, "n/a (" + spreadKey + " not run)"};
        }
        double ratio = rate / spread.result().transfersPerSecond();
        String percent = String.format(Locale.ROOT, "%.0f%% of %s", ratio * 100, spreadKey);
        if (minimum == 0) {
            return new String[] {target + "; " + percent, "–"};
        }
        return new String[] {target + " (" + percent + ")", ratio >= minimum ? "yes" : "NO"};
    }

    // ---- facts

    private void machineFacts() {
        facts.add("CPU: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), memory "
                + memoryTotal() + "; " + osName());
        facts.add("JVM: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (the benchmark and the ledger); ledger options: " + String.join(" ", options.ledgerJvmOptions()));
        facts.add("Working directory " + directory + " on " + filesystemOf(directory) + "; " + fsyncLatency());
        facts.add("The load generator, the Kafka broker (a JVM of its own), the ledger and PostgreSQL all run on this "
                + "machine and share its cores (see the CPU column)");
    }

    private void postgresFacts() throws SQLException {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(), "");
             Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("""
                     select version(), current_setting('fsync'), current_setting('synchronous_commit'),
                            current_setting('full_page_writes'), current_setting('shared_buffers'), current_setting('wal_sync_method'),
                            current_setting('max_wal_size'), current_setting('checkpoint_timeout')""")) {
            row.next();
            String version = row.getString(1);
            facts.add("PostgreSQL: " + version.substring(0, version.indexOf(" on ") > 0 ? version.indexOf(" on ") : version.length())
                    + " (embedded, zonky binaries); fsync=" + row.getString(2) + ", synchronous_commit=" + row.getString(3)
                    + ", full_page_writes=" + row.getString(4) + ", wal_sync_method=" + row.getString(6) + ", shared_buffers="
                    + row.getString(5) + ", max_wal_size=" + row.getString(7) + ", checkpoint_timeout=" + row.getString(8)
                    + (options.durable() ? " (durable: every commit waits for its WAL to reach the disk)" : " (NOT durable)"));
        }
    }

    /** How long an 8 KB write + fdatasync takes in the working directory: what one durable commit costs at least. */
    private String fsyncLatency() {
        Path file = directory.resolve("fsync-probe");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer page = ByteBuffer.allocate(8192);
            int rounds = 200;
            long[] nanos = new long[rounds];
            for (int index = 0; index < rounds; index++) {
                page.clear();
                long start = System.nanoTime();
                channel.write(page, (long) (index % 16) * 8192);
                channel.force(false);
                nanos[index] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            return String.format(Locale.ROOT, "8 KB write + fdatasync there: median %.2f ms, p99 %.2f ms (%d rounds)",
                    Percentiles.nearestRank(nanos, 50) / 1e6, Percentiles.nearestRank(nanos, 99) / 1e6, rounds);
        } catch (IOException e) {
            return "fsync probe failed: " + e;
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a probe file in a temp directory
            }
        }
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown model");
        } catch (IOException e) {
            return "unknown model";
        }
    }

    private static String memoryTotal() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(line -> line.startsWith("MemTotal:")).findFirst()
                    .map(line -> String.format(Locale.ROOT, "%.1f GB",
                            Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0)).orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String osName() {
        return System.getProperty("os.name") + " " + System.getProperty("os.version");
    }

    /** The device and type of the filesystem holding a path (longest mount point that contains it). */
    private static String filesystemOf(Path path) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/mounts"))) {
            return lines.map(line -> line.split(" "))
                    .filter(fields -> fields.length >= 3 && path.toAbsolutePath().startsWith(fields[1]))
                    .max(Comparator.comparingInt(fields -> fields[1].length()))
                    .map(fields -> fields[2] + " (" + fields[0] + " mounted on " + fields[1] + ")").orElse("unknown filesystem");
        } catch (IOException e) {
            return "unknown filesystem";
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    // ---- helpers

    /** Minor units as a decimal string: 12345 → "123.45". */
    static String decimal(long minor) {
        StringBuilder out = new StringBuilder();
        if (minor < 0) {
            out.append('-');
            minor = -minor;
        }
        LedgerHttp.appendDecimal(out, minor);
        return out.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void log(String message) {
        progress.println(OffsetDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + " " + message);
    }

    private void shutDown() {
        if (waits != null) {
            waits.close();
        }
        if (http != null) {
            http.close();
        }
        if (ledgerSql != null) {
            try {
                ledgerSql.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        if (ledger != null) {
            ledger.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (!options.keep()) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                log("could not delete " + directory + ": " + e);
            }
        }
    }
}

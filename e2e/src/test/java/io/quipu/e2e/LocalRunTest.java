package io.quipu.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.jayway.jsonpath.JsonPath;

/**
 * The local run as a person uses it: the launcher's runnable jar starts PostgreSQL, Kafka and the sandbox, heals the
 * sandbox after a {@code kill -9}, and stops everything on SIGTERM.
 *
 * <p>It runs in its own state directory and on free ports ({@code QUIPU_STATE_DIR}, {@code QUIPU_POSTGRES_PORT},
 * {@code QUIPU_KAFKA_PORT}, {@code QUIPU_PORT_OFFSET}), so it neither touches nor collides with a {@code ./quipu run}
 * on the same machine.
 */
class LocalRunTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("quipu.repository", "..")).toAbsolutePath().normalize();
    private static final int SANDBOX_PORT = 8099;
    private static final int SANDBOX_SMTP_PORT = 2525;
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration HEALING_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration LIVE_WAIT = Duration.ofSeconds(30);
    /** A test run's ports are a service's own port plus an offset of at least this, so they stay clear of 1-10,000. */
    private static final int LOWEST_PORT_OFFSET = 10_000;
    private static final int HIGHEST_RUN_PORT = SANDBOX_PORT;
    private static final int POSTGRES_BASE_PORT = 8091;
    private static final int KAFKA_BASE_PORT = 8092;
    /** Lines of each service's log a failed wait for the local run reports. */
    private static final int DIAGNOSTIC_LOG_LINES = 60;

    private Path stateDirectory;
    private Path launcherOutput;
    private Process launcher;

    @BeforeEach
    void createStateDirectory() throws IOException {
        // PostgreSQL runs as 'nobody' when the tests run as root: it must be able to enter this directory.
        stateDirectory = Files.createTempDirectory("quipu-local-run-");
        Files.setPosixFilePermissions(stateDirectory, PosixFilePermissions.fromString("rwxr-xr-x"));
        launcherOutput = stateDirectory.resolve("launcher-output.txt");
    }

    @AfterEach
    void stopAndCleanUp() throws Exception {
        if (launcher != null && launcher.isAlive()) {
            launcher.destroy();
            if (!launcher.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                launcher.destroyForcibly();
                servicePids().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            }
        }
        try (Stream<Path> files = Files.walk(stateDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    @Test
    void theLauncherStartsTheSandboxHealsItAfterKillMinusNineAndStopsEverything() throws Exception {
        Path launcherJar = executableJar("launcher", "quipu-launcher");
        executableJar("sandbox", "quipu-sandbox");
        RunPorts ports = freeRunPorts(List.of(SANDBOX_PORT, SANDBOX_SMTP_PORT));
        int postgresPort = ports.postgres();
        int kafkaPort = ports.kafka();
        int sandboxPort = SANDBOX_PORT + ports.offset();

        launcher = startLauncher(launcherJar, "sandbox", ports);

        await("the sandbox is ready").atMost(STARTUP_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> launcherAliveOrFail() && "ready".equals(sandbox("state")));
        assertThat(output()).contains("Quipu is ready: 1 of 1 services ready", "http://localhost:" + sandboxPort);
        assertThat(readinessStatus(sandboxPort)).isEqualTo(200);
        assertThat(Files.readString(stateDirectory.resolve("launcher.pid")).trim()).isEqualTo(String.valueOf(launcher.pid()));
        assertPlatformTopicsExist(kafkaPort);

        long firstPid = ((Number) sandbox("pid")).longValue();
        ProcessHandle.of(firstPid).orElseThrow().destroyForcibly();

        await("the sandbox is restarted and ready").atMost(HEALING_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> launcherAliveOrFail() && "ready".equals(sandbox("state"))
                        && ((Number) sandbox("pid")).longValue() != firstPid);
        long secondPid = ((Number) sandbox("pid")).longValue();
        assertThat(output()).contains("auto-healing: restarted sandbox (process exited with status 137)");
        assertThat(sandbox("restarts")).isEqualTo(1);
        assertThat(readinessStatus(sandboxPort)).isEqualTo(200);

        launcher.destroy();

        assertThat(launcher.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .as("the launcher exits within %s after SIGTERM; its output:%n%s", STOP_TIMEOUT, output()).isTrue();
        assertThat(ProcessHandle.of(secondPid).map(ProcessHandle::isAlive)).as("the sandbox is stopped").isNotEqualTo(Optional.of(true));
        assertThat(output()).contains("stopping Quipu", "Kafka stopped", "PostgreSQL stopped", "Quipu stopped");
        assertThat(isFree(postgresPort)).as("PostgreSQL is stopped").isTrue();
        assertThat(isFree(kafkaPort)).as("Kafka is stopped").isTrue();
        assertThat(isFree(sandboxPort)).as("the sandbox port is free").isTrue();
        assertThat(stateDirectory.resolve("launcher.pid")).doesNotExist();
        assertThat((Boolean) JsonPath.read(stateJson(), "$.running")).isFalse();
        assertThat(stateDirectory.resolve("logs/sandbox.log")).content().contains("quipu launcher starts sandbox");
        assertThat(stateDirectory.resolve("logs/launcher.log")).content().contains("auto-healing: restarted sandbox");
    }

    /**
     * Issues 4 and 5 through the gateway with every real service: staff and a demo customer log in (password + SMS
     * code, BFF session); a new person onboards (identity registry, selfie, screening, login, account, signed contract
     * in the mailbox), logs in with the login they chose, and reads their own 360° view.
     */
    @Test
    void peopleOnboardAndLogInThroughTheGatewayAndOnlyStaffReachTheLedger() throws Exception {
        Path launcherJar = executableJar("launcher", "quipu-launcher");
        for (String[] module : new String[][] {{"sandbox", "quipu-sandbox"}, {"services/identity", "quipu-identity"},
                {"services/customers", "quipu-customers"}, {"services/ledger", "quipu-ledger"}, {"services/payments", "quipu-payments"},
                {"services/fraud", "quipu-fraud"}, {"services/notifications", "quipu-notifications"},
                {"services/audit", "quipu-audit"}, {"services/gateway", "quipu-gateway"}}) {
            executableJar(module[0], module[1]);
        }
        RunPorts ports = freeRunPorts(List.of(8080, 8081, 8082, 8083, 8084, 8086, 8087, 8088, SANDBOX_PORT, SANDBOX_SMTP_PORT));
        int portOffset = ports.offset();
        List<String> services = List.of("gateway", "identity", "customers", "ledger", "payments", "fraud", "notifications", "audit");
        launcher = startLauncher(launcherJar, String.join(",", services), ports);
        awaitLaunched(services + " are ready", STARTUP_TIMEOUT.multipliedBy(3),
                () -> services.stream().allMatch(name -> "ready".equals(serviceQuietly(name, "state"))));

        String gateway = "http://127.0.0.1:" + (8080 + portOffset);
        String sandbox = "http://127.0.0.1:" + (SANDBOX_PORT + portOffset);
        Browser admin = new Browser(gateway);
        admin.logIn("demo.admin", "Quipu-Admin-2026", "+51900000090", sandbox);
        HttpResponse<String> accounts = admin.get("/api/ledger/accounts?customerId=0193c0de-0000-7000-8000-000000000001");
        assertThat(accounts.statusCode()).as(accounts.body()).isEqualTo(200);
        assertThat(admin.get("/bff/session").body()).contains("\"subject\":\"demo.admin\"").doesNotContain("\"accessToken\"", "eyJ");

        Browser customer = new Browser(gateway);
        customer.logIn("demo.ana", "Quipu-Demo-2026", "+51900000001", sandbox);
        assertThat(customer.get("/bff/session").body()).contains("0193c0de-0000-7000-8000-000000000001");
        // A customer's token is not even addressed to the ledger (its audience lists the services customers use), so
        // the ledger refuses it as a token, before any rule about customers.
        assertThat(customer.get("/api/ledger/accounts?customerId=0193c0de-0000-7000-8000-000000000001").statusCode()).isEqualTo(401);

        Browser stranger = new Browser(gateway);
        assertThat(stranger.get("/api/ledger/accounts?customerId=0193c0de-0000-7000-8000-000000000001").statusCode()).isEqualTo(401);

        // A new person onboards through the gateway's API, then logs in with what they chose.
        Onboarding onboarding = new Onboarding(gateway, sandbox);
        String customerId = onboarding.completeFor("47813526", "Valeria", "Salazar", "Gutiérrez", "valeria.salazar@example.com",
                "+51987123456", "valeria.salazar", "Quipu-Valeria-2026!");
        Browser valeria = new Browser(gateway);
        valeria.logIn("valeria.salazar", "Quipu-Valeria-2026!", "+51987123456", sandbox);
        HttpResponse<String> profile = valeria.get("/api/customers/customers/" + customerId + "/profile");
        assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(profile.body(), "$.customer.status")).isEqualTo("active");
        assertThat((String) JsonPath.read(profile.body(), "$.accounts.status")).isEqualTo("available");
        assertThat((String) JsonPath.read(profile.body(), "$.accounts.data[0].accountNumber")).isEqualTo(onboarding.accountNumber);
        assertThat((String) JsonPath.read(profile.body(), "$.accounts.data[0].available.amount")).isEqualTo("0.00");
        // Someone else's record is not there for her.
        assertThat(valeria.get("/api/customers/customers/0193c0de-0000-7000-8000-000000000001").statusCode()).isEqualTo(404);

        // Issue 6 through the gateway: she pays another Quipu customer and another bank's account. Issue 7: each of the
        // two is told live in the browser (through the gateway's BFF session), and only of their own money.
        String valeriaAccount = JsonPath.read(profile.body(), "$.accounts.data[0].id");
        BackOffice backOffice = new BackOffice("http://127.0.0.1:" + (8081 + portOffset), "http://127.0.0.1:" + (8083 + portOffset));
        // The local run's demo customer Ana has her account and opening deposit (customers' DemoCustomers).
        await("demo.ana's account with its opening deposit").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> backOffice.availableOfCustomer("0193c0de-0000-7000-8000-000000000001").containsValue("5000.00"));
        String anaAccountNumber = backOffice.openAccount("0193c0de-0000-7000-8000-000000000001");
        String internalId;
        try (Browser.EventStream valeriaLive = valeria.openEventStream("/api/notifications/notifications/stream");
             Browser.EventStream anaLive = customer.openEventStream("/api/notifications/notifications/stream")) {
            backOffice.deposit(valeriaAccount, "500.00");
            String deposited = valeriaLive.next(LIVE_WAIT);
            assertThat(deposited).as("the deposit, live").isNotNull();
            assertThat((String) JsonPath.read(deposited, "$.kind")).isEqualTo("money_received");
            assertThat((String) JsonPath.read(deposited, "$.amount.amount")).isEqualTo("500.00");
            assertThat((String) JsonPath.read(deposited, "$.accountId")).isEqualTo(valeriaAccount);
            assertThat((String) JsonPath.read(deposited, "$.balanceAfter.amount")).isEqualTo("500.00");

            HttpResponse<String> internal = valeria.post("/api/payments/payments", """
                    {"type": "internal", "sourceAccountId": "%s", "amount": {"amount": "50.00", "currency": "PEN"},
                     "destinationAccountNumber": "%s", "description": "e2e"}""".formatted(valeriaAccount, anaAccountNumber),
                    "Idempotency-Key", java.util.UUID.randomUUID().toString());
            assertThat(internal.statusCode()).as(internal.body()).isEqualTo(201);
            assertThat((String) JsonPath.read(internal.body(), "$.state")).as(internal.body()).isEqualTo("completed");
            internalId = JsonPath.read(internal.body(), "$.id");
            String received = anaLive.next(LIVE_WAIT);
            assertThat(received).as("Ana is told live").isNotNull();
            assertThat((String) JsonPath.read(received, "$.kind")).isEqualTo("money_received");
            assertThat((String) JsonPath.read(received, "$.amount.amount")).isEqualTo("50.00");
            String sent = valeriaLive.next(LIVE_WAIT);
            assertThat(sent).as("Valeria is told live").isNotNull();
            assertThat((String) JsonPath.read(sent, "$.kind")).isEqualTo("money_sent");
            assertThat((String) JsonPath.read(sent, "$.balanceAfter.amount")).isEqualTo("450.00");
            assertThat(anaLive.next(Duration.ofSeconds(1))).as("Ana hears nothing of Valeria's deposit").isNull();
        }
        // And by e-mail, in the sandbox's mailbox, with the account masked.
        await("Valeria's e-mails about her money").atMost(LIVE_WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            String mails = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox
                    + "/sandbox/mail?to=valeria.salazar@example.com")).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            return JsonPath.<List<String>>read(mails, "$[*].subject").containsAll(List.of("Recibiste S/ 500.00", "Enviaste S/ 50.00"));
        });
        HttpResponse<String> inbox = valeria.get("/api/notifications/notifications");
        assertThat(inbox.statusCode()).as(inbox.body()).isEqualTo(200);
        assertThat(JsonPath.<List<String>>read(inbox.body(), "$.items[*].kind")).contains("money_received", "money_sent");
        assertThat(inbox.body()).doesNotContain(onboarding.accountNumber);
        HttpResponse<String> interbank = valeria.post("/api/payments/payments", """
                {"type": "interbank", "sourceAccountId": "%s", "amount": {"amount": "20.00", "currency": "PEN"},
                 "destinationCci": "%s", "beneficiaryName": "Rosa Huamán"}""".formatted(valeriaAccount, BackOffice.cci("002", "000000123")),
                "Idempotency-Key", java.util.UUID.randomUUID().toString());
        assertThat(interbank.statusCode()).as(interbank.body()).isEqualTo(201);
        String interbankId = JsonPath.read(interbank.body(), "$.id");
        await("the interbank payment settles").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> "completed".equals(JsonPath.read(valeria.get("/api/payments/payments/" + interbankId).body(), "$.state")));
        assertThat(backOffice.available(valeriaAccount)).isEqualTo("430.00");

        // The payments process killed with kill -9 while a payment is out at the clearing house (an account ending in 905
        // settles only when told): after the launcher restarted it, the payment is followed again and completes once.
        HttpResponse<String> travelling = valeria.post("/api/payments/payments", """
                {"type": "interbank", "sourceAccountId": "%s", "amount": {"amount": "30.00", "currency": "PEN"},
                 "destinationCci": "%s", "beneficiaryName": "Jorge Ramos"}""".formatted(valeriaAccount, BackOffice.cci("003", "000000905")),
                "Idempotency-Key", java.util.UUID.randomUUID().toString());
        String travellingId = JsonPath.read(travelling.body(), "$.id");
        await("the payment is at the clearing house").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> "sent".equals(JsonPath.read(valeria.get("/api/payments/payments/" + travellingId).body(), "$.state")));
        String trace = JsonPath.read(valeria.get("/api/payments/payments/" + travellingId).body(), "$.clearingReference");
        long paymentsPid = ((Number) service("payments", "pid")).longValue();
        ProcessHandle.of(paymentsPid).orElseThrow().destroyForcibly();
        awaitLaunched("payments is restarted and ready", STARTUP_TIMEOUT, () -> "ready".equals(serviceQuietly("payments", "state"))
                && ((Number) service("payments", "pid")).longValue() != paymentsPid);
        HttpResponse<String> settled = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(sandbox
                + "/sandbox/clearing/transfers/" + trace + "/settle")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(settled.statusCode()).as(settled.body()).isEqualTo(200);
        await("the payment completes after the restart").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> "completed".equals(JsonPath.read(valeria.get("/api/payments/payments/" + travellingId).body(), "$.state")));
        assertThat(backOffice.available(valeriaAccount)).isEqualTo("400.00");

        // Issue 7's audit: every event so far is in the chain, which verifies; the payment's events are found by its id.
        await("the internal payment's events are in the audit log").atMost(LIVE_WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> JsonPath.<List<String>>read(admin.get("/api/audit/audit/events?aggregateId=" + internalId).body(),
                        "$.items[*].type").contains("io.quipu.payments.payment.completed"));
        HttpResponse<String> verified = admin.get("/api/audit/audit/verify");
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat((Boolean) JsonPath.read(verified.body(), "$.valid")).as(verified.body()).isTrue();
        assertThat(((Number) JsonPath.read(verified.body(), "$.verifiedEvents")).longValue()).isGreaterThan(10);
        assertThat(valeria.get("/api/audit/audit/verify").statusCode()).as("a customer does not read the audit log").isIn(401, 403);
    }

    /**
     * Issue 8's web app in a real browser: the gateway serves it, and e2e/browser/webapp.mjs drives Debian's Chromium with
     * playwright-core (installed by {@code npm ci} from the committed package-lock.json): two demo customers log in with
     * the SMS code, one pays the other and the other's dashboard (on a phone-sized screen) updates live, an interbank
     * transfer completes, a payment above the step-up limit is confirmed with its SMS code, the movements list and a CSV
     * statement, staff search a customer and verify the audit chain, a new person onboards in the browser, a passkey is
     * enrolled and used to log in (Chromium's virtual authenticator), the language switches. Screenshots of the main screens go to e2e/target/screenshots.
     */
    @Test
    void customersUseTheBankInABrowser() throws Exception {
        Path launcherJar = executableJar("launcher", "quipu-launcher");
        List<String> services = List.of("gateway", "identity", "customers", "ledger", "payments", "fraud", "notifications", "audit");
        for (String[] module : new String[][] {{"sandbox", "quipu-sandbox"}, {"services/identity", "quipu-identity"},
                {"services/customers", "quipu-customers"}, {"services/ledger", "quipu-ledger"}, {"services/payments", "quipu-payments"},
                {"services/fraud", "quipu-fraud"}, {"services/notifications", "quipu-notifications"}, {"services/audit", "quipu-audit"},
                {"services/gateway", "quipu-gateway"}}) {
            executableJar(module[0], module[1]);
        }
        RunPorts ports = freeRunPorts(List.of(8080, 8081, 8082, 8083, 8084, 8086, 8087, 8088, SANDBOX_PORT, SANDBOX_SMTP_PORT));
        int portOffset = ports.offset();
        launcher = startLauncher(launcherJar, String.join(",", services), ports);
        awaitLaunched(services + " are ready", STARTUP_TIMEOUT.multipliedBy(3),
                () -> services.stream().allMatch(name -> "ready".equals(serviceQuietly(name, "state"))));
        String gateway = "http://127.0.0.1:" + (8080 + portOffset);
        String sandbox = "http://127.0.0.1:" + (SANDBOX_PORT + portOffset);
        BackOffice backOffice = new BackOffice("http://127.0.0.1:" + (8081 + portOffset), "http://127.0.0.1:" + (8083 + portOffset));
        for (String demo : List.of("0193c0de-0000-7000-8000-000000000001", "0193c0de-0000-7000-8000-000000000002")) {
            await("the demo customers' accounts").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !backOffice.availableOfCustomer(demo).isEmpty());
        }
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway + "/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");

        Path browserTests = REPOSITORY.resolve("e2e/browser");
        Path screenshots = REPOSITORY.resolve("e2e/target/screenshots");
        if (!Files.isDirectory(browserTests.resolve("node_modules/playwright-core"))) {
            assertThat(run(browserTests, Map.of(), Duration.ofMinutes(5), "npm", "ci", "--no-audit", "--no-fund").exitCode())
                    .as("npm ci in e2e/browser").isZero();
        }
        // On localhost, the passkeys' relying party (identity's quipu.identity.webauthn.rp-id), not 127.0.0.1.
        Finished finished = run(browserTests, Map.of("QUIPU_GATEWAY", "http://localhost:" + (8080 + portOffset), "QUIPU_SANDBOX", sandbox,
                "QUIPU_SCREENSHOTS", screenshots.toString()), Duration.ofMinutes(5), "node", "webapp.mjs");
        System.out.println(finished.output());
        assertThat(finished.output()).contains(" passed, 0 failed");
        assertThat(finished.exitCode()).as(finished.output()).isZero();
        assertThat(screenshots.resolve("dashboard.png")).exists();
    }

    private record Finished(int exitCode, String output) {
    }

    /** Runs a command in a folder with a time limit; its output goes through a file, so a full pipe never blocks it. */
    private Finished run(Path directory, Map<String, String> environment, Duration limit, String... command) throws Exception {
        Path output = Files.createTempFile(stateDirectory, "command-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("%s took longer than %s; its output:%n%s", List.of(command), limit, Files.readString(output));
        }
        return new Finished(process.exitValue(), Files.readString(output));
    }

    /**
     * Issue 3's crash test with a real process: the ledger is killed with {@code kill -9} in the middle of a load of
     * transfers; after the launcher restarted it, every transfer that had been answered "ok" is there, and the books
     * balance (a transfer is never half-applied).
     */
    @Test
    void theLedgerKilledMidLoadKeepsEveryTransferItAnsweredOk() throws Exception {
        Path launcherJar = executableJar("launcher", "quipu-launcher");
        executableJar("services/identity", "quipu-identity");
        executableJar("services/ledger", "quipu-ledger");
        RunPorts ports = freeRunPorts(List.of(8081, 8083, SANDBOX_PORT, SANDBOX_SMTP_PORT));
        int portOffset = ports.offset();
        launcher = startLauncher(launcherJar, "identity,ledger", ports);
        awaitLaunched("identity and ledger are ready", STARTUP_TIMEOUT.multipliedBy(2),
                () -> "ready".equals(service("identity", "state")) && "ready".equals(service("ledger", "state")));

        LedgerClient ledger = new LedgerClient("http://127.0.0.1:" + (8083 + portOffset),
                LedgerClient.clientCredentialsToken("http://127.0.0.1:" + (8081 + portOffset), "payments", "payments-secret"));
        String bank = ledger.openAccount(null, "SETTLEMENT");
        List<String> customers = new java.util.ArrayList<>();
        for (int index = 0; index < 4; index++) {
            customers.add(ledger.openAccount(java.util.UUID.randomUUID().toString(), "SAVINGS"));
        }
        List<String> answeredOk = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean loading = new java.util.concurrent.atomic.AtomicBoolean(true);
        List<Thread> clients = new java.util.ArrayList<>();
        for (int client = 0; client < 6; client++) {
            long seed = client;
            Thread thread = new Thread(() -> {
                java.util.Random random = new java.util.Random(seed);
                while (loading.get()) {
                    String id = java.util.UUID.randomUUID().toString();
                    String debit = random.nextBoolean() ? bank : customers.get(random.nextInt(customers.size()));
                    String credit = customers.get(random.nextInt(customers.size()));
                    if (debit.equals(credit)) {
                        continue;
                    }
                    if (ledger.transfer(id, debit, credit, (1 + random.nextInt(500)) + ".00") == 201) {
                        answeredOk.add(id);
                    }
                }
            });
            thread.start();
            clients.add(thread);
        }
        await("transfers are flowing").atMost(Duration.ofSeconds(60)).until(() -> answeredOk.size() >= 200);
        long ledgerPid = ((Number) service("ledger", "pid")).longValue();
        ProcessHandle.of(ledgerPid).orElseThrow().destroyForcibly();
        int answeredBeforeKill = answeredOk.size();
        awaitLaunched("the ledger is restarted and ready", STARTUP_TIMEOUT,
                () -> "ready".equals(service("ledger", "state")) && ((Number) service("ledger", "pid")).longValue() != ledgerPid);
        await("transfers flow again").atMost(Duration.ofSeconds(60)).until(() -> answeredOk.size() > answeredBeforeKill + 50);
        loading.set(false);
        for (Thread thread : clients) {
            thread.join(Duration.ofSeconds(60).toMillis());
        }

        for (String id : List.copyOf(answeredOk)) {
            assertThat(ledger.transferStatus(id)).as("transfer %s was answered ok", id).isEqualTo(200);
        }
        long postedTotal = 0;
        for (String account : customers) {
            postedTotal += ledger.postedMinor(account);
        }
        postedTotal += ledger.postedMinor(bank);
        assertThat(postedTotal).as("every debit has its credit").isZero();
        assertThat(output()).contains("auto-healing: restarted ledger");
    }

    private Process startLauncher(Path launcherJar, String only, RunPorts ports) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(javaOfThisJvm(), "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquipu.home=" + REPOSITORY, "-jar", launcherJar.toString(), "run", "--only", only)
                .redirectErrorStream(true)
                .redirectOutput(launcherOutput.toFile());
        builder.environment().putAll(Map.of(
                "QUIPU_STATE_DIR", stateDirectory.toString(),
                "QUIPU_POSTGRES_PORT", String.valueOf(ports.postgres()),
                "QUIPU_KAFKA_PORT", String.valueOf(ports.kafka()),
                "QUIPU_PORT_OFFSET", String.valueOf(ports.offset()),
                "QUIPU_NO_BUILD", "1", "QUIPU_SEED", "0"));
        return builder.start();
    }

    private void assertPlatformTopicsExist(int kafkaPort) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + kafkaPort))) {
            Map<String, TopicDescription> topics = admin.describeTopics(List.of("payments", "payments.DLT", "audit-logs"))
                    .allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(topics.get("payments").partitions()).hasSize(6);
            assertThat(topics.get("payments.DLT").partitions()).hasSize(6);
            assertThat(topics.get("audit-logs").partitions()).hasSize(12);
        }
    }

    /** A field of a service's entry in state.json, or null while there is none (or the file is being rewritten). */
    private Object serviceQuietly(String name, String field) {
        try {
            return service(name, field);
        } catch (IOException | RuntimeException notYet) {
            return null;
        }
    }

    /** A field of the sandbox's entry in state.json, or null while there is none. */
    private Object sandbox(String field) throws IOException {
        return service("sandbox", field);
    }

    /** A field of a service's entry in state.json, or null while there is none. */
    private Object service(String name, String field) throws IOException {
        String json = stateJson();
        if (json == null) {
            return null;
        }
        List<Object> values = JsonPath.read(json, "$.services[?(@.name == '" + name + "')]." + field);
        return values.isEmpty() ? null : values.get(0);
    }

    private String stateJson() throws IOException {
        Path file = stateDirectory.resolve("state.json");
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    }

    private List<Long> servicePids() throws IOException {
        String json = stateJson();
        if (json == null) {
            return List.of();
        }
        List<Number> pids = JsonPath.read(json, "$.services[*].pid");
        return pids.stream().filter(pid -> pid != null).map(Number::longValue).toList();
    }

    /**
     * Waits for a state of the local run while the launcher lives. When time runs out, the failure carries what a person
     * would look at: the launcher's output, state.json and the end of every service's log, since the state directory
     * is deleted after the test.
     */
    private void awaitLaunched(String alias, Duration limit, Callable<Boolean> condition) throws IOException {
        try {
            await(alias).atMost(limit).pollInterval(Duration.ofMillis(500)).until(() -> launcherAliveOrFail() && condition.call());
        } catch (ConditionTimeoutException timeout) {
            throw new AssertionError(timeout.getMessage() + System.lineSeparator() + diagnostics(), timeout);
        }
    }

    private String diagnostics() throws IOException {
        StringBuilder report = new StringBuilder("launcher output:").append(System.lineSeparator()).append(output())
                .append(System.lineSeparator()).append("state.json: ").append(stateJson()).append(System.lineSeparator());
        Path logs = stateDirectory.resolve("logs");
        if (Files.isDirectory(logs)) {
            try (Stream<Path> files = Files.list(logs)) {
                for (Path log : files.sorted().toList()) {
                    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                    report.append("--- last lines of ").append(log.getFileName()).append(System.lineSeparator());
                    lines.subList(Math.max(0, lines.size() - DIAGNOSTIC_LOG_LINES), lines.size())
                            .forEach(line -> report.append(line).append(System.lineSeparator()));
                }
            }
        }
        return report.toString();
    }

    private boolean launcherAliveOrFail() throws IOException {
        if (!launcher.isAlive()) {
            fail("the launcher exited with status %d; its output:%n%s", launcher.exitValue(), output());
        }
        return true;
    }

    private String output() throws IOException {
        return Files.readString(launcherOutput, StandardCharsets.UTF_8);
    }

    private static int readinessStatus(int port) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(5)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static Path executableJar(String moduleDirectory, String artifactId) throws IOException {
        Path target = REPOSITORY.resolve(moduleDirectory).resolve("target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(file -> file.getFileName().toString().startsWith(artifactId + "-")
                            && file.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + target + "/" + artifactId + "-*-exec.jar: build it first ("
                            + "./mvnw verify builds it before this module; ./mvnw test does not package)"));
        }
    }

    private static String javaOfThisJvm() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * The ports of one local run: the services' own ports moved by {@code offset}, and PostgreSQL and Kafka on two
     * ports no service uses ({@code 8091} and {@code 8092}, moved the same way).
     */
    private record RunPorts(int offset, int postgres, int kafka) {
    }

    /**
     * Free ports for a run, all below the kernel's range for client sockets. A port the kernel once handed out
     * ({@code new ServerSocket(0)}) lies in that range, where any of the hundreds of connections the services open
     * while the run starts may take it before the service binds it; the service then cannot start.
     */
    private static RunPorts freeRunPorts(List<Integer> servicePorts) {
        int highestOffset = firstClientPort() - HIGHEST_RUN_PORT - 1;
        if (highestOffset <= LOWEST_PORT_OFFSET) {
            throw new IllegalStateException("the kernel hands client sockets ports from " + firstClientPort()
                    + " up: no room below for a test run's ports (net.ipv4.ip_local_port_range)");
        }
        for (int attempt = 0; attempt < 200; attempt++) {
            int offset = ThreadLocalRandom.current().nextInt(LOWEST_PORT_OFFSET, highestOffset);
            List<Integer> ports = new ArrayList<>(servicePorts);
            ports.addAll(List.of(POSTGRES_BASE_PORT, KAFKA_BASE_PORT));
            if (ports.stream().allMatch(port -> isFree(port + offset))) {
                return new RunPorts(offset, POSTGRES_BASE_PORT + offset, KAFKA_BASE_PORT + offset);
            }
        }
        throw new IllegalStateException("found no free ports for " + servicePorts);
    }

    /** The lowest port of {@code net.ipv4.ip_local_port_range}; Linux's default where it cannot be read. */
    private static int firstClientPort() {
        // Read line by line: Files.readString stops after the first byte of this /proc file on Java 17.
        try (BufferedReader range = Files.newBufferedReader(Path.of("/proc/sys/net/ipv4/ip_local_port_range"))) {
            return Integer.parseInt(range.readLine().trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException unreadable) {
            return 32_768;
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

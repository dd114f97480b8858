package io.quipu.launcher;

import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo data for the local run, through the services' own APIs: {@link DemoData}'s customers
 * ({@code POST /customers/batch}), a PEN savings account each ({@code POST /accounts/batch}), an opening cash deposit
 * each and a payment each between customers ({@code POST /transfers/batch}), as the client {@code seeder} of the local
 * profile. The ledger stamps transfers with the time it applies them; the business date of the demo history, spread
 * over the twelve months that end on the anchor date, travels in each transfer's metadata as {@code valueDate}.
 *
 * <p>Every id comes from {@link DemoData}, so a second seeding creates nothing twice: the services answer
 * {@code exists} (or {@code document_taken} for a DNI someone registered meanwhile). Requests are bounded: the services'
 * batch sizes, at most {@link Limits#SEED_PARALLEL_REQUESTS} at once ({@link Limits#SEED_PARALLEL_TRANSFER_REQUESTS} for
 * transfers), and a few tries with backoff on connection errors
 * and 5xx answers; any other refusal of a whole request stops the seeding with a {@link SeedException} naming it.
 */
final class DemoSeeder {

    static final String CLIENT_ID = "seeder";
    /** Registered in identity's local profile only (application-local.properties). */
    static final String CLIENT_SECRET = "seeder-secret";
    static final String SCOPES = "customers:write customers:read ledger:read ledger:write";
    /** The marker of a finished seeding in the state directory: {@code ./quipu run} seeds only while it is missing. */
    static final String MARKER_FILE = "seeded";
    static final String ANCHOR_KEY = "valueDateAnchor=";
    static final ZoneId LIMA = ZoneId.of("America/Lima");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Where the three services the seeder talks to answer. */
    record Endpoints(String identity, String customers, String ledger) {

        /** The local run's ports, moved by {@code QUIPU_PORT_OFFSET} like everything else. */
        static Endpoints of(Settings settings) {
            return new Endpoints(url(settings, "identity"), url(settings, "customers"), url(settings, "ledger"));
        }

        private static String url(Settings settings, String service) {
            return "http://127.0.0.1:" + settings.portOf(ServiceCatalog.find(service).orElseThrow());
        }

        Map<String, String> byService() {
            Map<String, String> services = new LinkedHashMap<>();
            services.put("identity", identity);
            services.put("customers", customers);
            services.put("ledger", ledger);
            return services;
        }
    }

    /** Where the seeder reports: a progress line (every second), the outcome, and problems worth a line of their own. */
    interface Output {
        void progress(String line);

        void finished(String line);

        void problem(String line);
    }

    /** A service refused a whole request, or did not answer after every try: the seeding stops. */
    static final class SeedException extends RuntimeException {
        SeedException(String message) {
            super(message);
        }
    }

    /** What one kind of item came to: made now, found from before, refused (with the first few reasons). */
    static final class Tally {
        private static final int MAX_EXAMPLES = 3;
        final String name;
        final int total;
        final AtomicInteger created = new AtomicInteger();
        final AtomicInteger existing = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final Queue<String> examples = new ConcurrentLinkedQueue<>();

        Tally(String name, int total) {
            this.name = name;
            this.total = total;
        }

        int done() {
            return created.get() + existing.get() + refused.get();
        }

        void refuse(String example) {
            if (refused.incrementAndGet() <= MAX_EXAMPLES) {
                examples.add(example);
            }
        }

        String summary() {
            return total + " " + name + " (" + created.get() + " new, " + existing.get() + " already there"
                    + (refused.get() == 0 ? "" : ", " + refused.get() + " refused: " + String.join("; ", examples)) + ")";
        }
    }

    /** The outcome of a seeding. */
    record Result(Tally customers, Tally accounts, Tally transfers, LocalDate anchor, long elapsedMillis) {

        boolean complete() {
            return customers.refused.get() == 0 && accounts.refused.get() == 0 && transfers.refused.get() == 0;
        }

        String summary() {
            return "seeded " + customers.summary() + ", " + accounts.summary() + ", " + transfers.summary() + " in "
                    + Supervisor.seconds(elapsedMillis) + " s; value dates " + DemoData.firstDay(anchor) + " to " + anchor;
        }
    }

    private final Endpoints endpoints;
    private final int customers;
    private final LocalDate anchor;
    private final Output output;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(Limits.SEED_CONNECT_TIMEOUT_SECONDS))
            .build();
    private final Tally customerTally;
    private final Tally accountTally;
    private final Tally transferTally;
    private String token;
    private long tokenRenewAtNanos;

    /**
     * @param customers how many demo customers, 1 to {@link DemoData#MAX_CUSTOMERS}
     * @param anchor    the last day of the twelve months the demo history spreads over
     */
    DemoSeeder(Endpoints endpoints, int customers, LocalDate anchor, Output output) {
        if (customers < 1 || customers > DemoData.MAX_CUSTOMERS) {
            throw new IllegalArgumentException("customers must be 1 to " + DemoData.MAX_CUSTOMERS + ": " + customers);
        }
        this.endpoints = endpoints;
        this.customers = customers;
        this.anchor = anchor;
        this.output = output;
        this.customerTally = new Tally("customers", customers);
        this.accountTally = new Tally("accounts", customers);
        this.transferTally = new Tally("transfers", customers + (customers >= 2 ? customers : 0));
    }

    /**
     * Seeds and reports; returns when everything was sent.
     *
     * @throws SeedException when a service refused a request or stayed unreachable
     */
    Result seed() throws InterruptedException {
        long started = System.nanoTime();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(daemon("quipu-seed-progress"));
        ExecutorService requests = Executors.newFixedThreadPool(Limits.SEED_PARALLEL_REQUESTS, daemon("quipu-seed-request"));
        ExecutorService transferRequests = Executors.newFixedThreadPool(Limits.SEED_PARALLEL_TRANSFER_REQUESTS,
                daemon("quipu-seed-transfers"));
        try {
            ticker.scheduleAtFixedRate(() -> output.progress(progressLine(started)), Limits.SEED_PROGRESS_INTERVAL_SECONDS,
                    Limits.SEED_PROGRESS_INTERVAL_SECONDS, TimeUnit.SECONDS);
            token(); // A refused client is the likeliest mistake: say so before anything else.
            openCashAccount();

            // Customers and their accounts are independent of each other: their batches share the request slots.
            List<Future<?>> customerBatches = new ArrayList<>();
            List<Future<?>> accountBatches = new ArrayList<>();
            for (Range range : ranges(Limits.SEED_CUSTOMERS_PER_REQUEST)) {
                customerBatches.add(requests.submit(task(() -> createCustomers(range.from(), range.to()))));
                accountBatches.add(requests.submit(task(() -> openAccounts(range.from(), range.to()))));
            }
            awaitAll(accountBatches, customerBatches);
            // Every deposit before any payment: a payment then never finds its payer's account empty.
            List<Future<?>> deposits = new ArrayList<>();
            for (Range range : ranges(Limits.SEED_TRANSFERS_PER_REQUEST)) {
                deposits.add(transferRequests.submit(task(() -> transfer(range.from(), depositsOf(range.from(), range.to())))));
            }
            awaitAll(deposits, customerBatches);
            List<Future<?>> payments = new ArrayList<>();
            for (Range range : ranges(Limits.SEED_TRANSFERS_PER_REQUEST)) {
                payments.add(transferRequests.submit(task(() -> transfer(range.from(), paymentsOf(range.from(), range.to())))));
            }
            awaitAll(payments, customerBatches);
            awaitAll(customerBatches, List.of());
        } finally {
            ticker.shutdownNow();
            requests.shutdownNow();
            transferRequests.shutdownNow();
        }
        Result result = new Result(customerTally, accountTally, transferTally, anchor, (System.nanoTime() - started) / 1_000_000);
        output.finished(result.summary());
        return result;
    }

    /** Customers {@code from} (inclusive) to {@code to} (exclusive): the items of one request. */
    private record Range(int from, int to) {
    }

    private List<Range> ranges(int perRequest) {
        List<Range> ranges = new ArrayList<>();
        for (int from = 0; from < customers; from += perRequest) {
            ranges.add(new Range(from, Math.min(customers, from + perRequest)));
        }
        return ranges;
    }

    String progressLine(long startedNanos) {
        return String.format(Locale.ROOT, "seeding: customers %d/%d, accounts %d/%d, transfers %d/%d (%d s)",
                customerTally.done(), customerTally.total, accountTally.done(), accountTally.total,
                transferTally.done(), transferTally.total, (System.nanoTime() - startedNanos) / 1_000_000_000L);
    }

    // ---- the three kinds of items

    private void createCustomers(int from, int to) throws InterruptedException {
        List<Map<String, Object>> items = new ArrayList<>(to - from);
        for (int index = from; index < to; index++) {
            DemoData.Person person = DemoData.person(index);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", person.id().toString());
            item.put("givenNames", person.givenNames());
            item.put("paternalSurname", person.paternalSurname());
            item.put("maternalSurname", person.maternalSurname());
            item.put("email", person.email());
            item.put("phone", person.phone());
            item.put("documentType", "DNI");
            item.put("documentNumber", person.dni());
            item.put("birthDate", person.birthDate().toString());
            item.put("address", person.address());
            item.put("nationality", "PE");
            item.put("occupation", person.occupation());
            item.put("language", "es");
            items.add(item);
        }
        JsonNode results = post("customers", endpoints.customers(), "/customers/batch", Map.of("customers", items)).get("results");
        // A DNI or e-mail that is taken was registered before, by an earlier seeding or by hand: nothing to do.
        tally(customerTally, results, from, Set.of("created"), Set.of("exists", "document_taken", "email_taken"));
    }

    private void openCashAccount() throws InterruptedException {
        Map<String, Object> cash = new LinkedHashMap<>();
        cash.put("id", DemoData.CASH_ACCOUNT_ID.toString());
        cash.put("product", "SETTLEMENT");
        cash.put("currency", DemoData.CURRENCY);
        JsonNode result = post("ledger", endpoints.ledger(), "/accounts/batch", Map.of("accounts", List.of(cash))).get("results").get(0);
        String code = result.get("result").asString();
        if (!code.equals("created") && !code.equals("exists")) {
            throw new SeedException("the ledger refused the demo cash account " + DemoData.CASH_ACCOUNT_ID + ": " + reason(result));
        }
    }

    private void openAccounts(int from, int to) throws InterruptedException {
        List<Map<String, Object>> accounts = new ArrayList<>(to - from);
        for (int index = from; index < to; index++) {
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("id", DemoData.accountId(index).toString());
            account.put("customerId", DemoData.customerId(index).toString());
            account.put("product", "SAVINGS");
            account.put("currency", DemoData.CURRENCY);
            accounts.add(account);
        }
        JsonNode results = post("ledger", endpoints.ledger(), "/accounts/batch", Map.of("accounts", accounts)).get("results");
        tally(accountTally, results, from, Set.of("created"), Set.of("exists"));
    }

    private List<DemoData.Transfer> depositsOf(int from, int to) {
        List<DemoData.Transfer> deposits = new ArrayList<>(to - from);
        for (int index = from; index < to; index++) {
            deposits.add(DemoData.deposit(index, anchor));
        }
        return deposits;
    }

    private List<DemoData.Transfer> paymentsOf(int from, int to) {
        List<DemoData.Transfer> payments = new ArrayList<>(to - from);
        for (int index = from; index < to; index++) {
            DemoData.payment(index, customers, anchor).ifPresent(payments::add);
        }
        return payments;
    }

    /** @param firstIndex the customer whose transfer comes first, to name a refused one */
    private void transfer(int firstIndex, List<DemoData.Transfer> transfers) throws InterruptedException {
        if (transfers.isEmpty()) {
            return;
        }
        List<Map<String, Object>> items = new ArrayList<>(transfers.size());
        for (DemoData.Transfer transfer : transfers) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", transfer.id().toString());
            item.put("debitAccountId", transfer.debitAccountId().toString());
            item.put("creditAccountId", transfer.creditAccountId().toString());
            item.put("amount", transfer.amount());
            item.put("currency", DemoData.CURRENCY);
            item.put("code", transfer.code());
            item.put("metadata", Map.of("valueDate", transfer.valueDate().toString()));
            items.add(item);
        }
        JsonNode results = post("ledger", endpoints.ledger(), "/transfers/batch", Map.of("transfers", items)).get("results");
        // Another value date for the same id: an earlier seeding anchored on another day made this transfer.
        tally(transferTally, results, firstIndex, Set.of("ok"), Set.of("exists", "exists_with_different_metadata"));
    }

    private static void tally(Tally tally, JsonNode results, int firstIndex, Set<String> created, Set<String> existing) {
        for (JsonNode result : results) {
            String code = result.get("result").asString();
            if (created.contains(code)) {
                tally.created.incrementAndGet();
            } else if (existing.contains(code)) {
                tally.existing.incrementAndGet();
            } else {
                tally.refuse("#" + (firstIndex + result.get("index").asInt()) + " " + reason(result));
            }
        }
    }

    /** A refused item's code with its field errors: {@code validation_failed (birthDate: under_age)}. */
    private static String reason(JsonNode result) {
        StringBuilder reason = new StringBuilder(result.get("result").asString());
        JsonNode errors = result.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            List<String> fields = new ArrayList<>();
            errors.forEach(error -> fields.add(error.path("field").asString() + ": " + error.path("code").asString()));
            reason.append(" (").append(String.join(", ", fields)).append(')');
        }
        return reason.toString();
    }

    // ---- HTTP

    /** A bearer token of the seeder client, renewed a little before it expires. */
    private synchronized String token() throws InterruptedException {
        if (token != null && System.nanoTime() < tokenRenewAtNanos) {
            return token;
        }
        String credentials = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        String form = "grant_type=client_credentials&scope=" + URLEncoder.encode(SCOPES, StandardCharsets.UTF_8);
        JsonNode answer = send("identity", "/oauth2/token", () -> HttpRequest.newBuilder(URI.create(endpoints.identity() + "/oauth2/token"))
                .timeout(Duration.ofSeconds(Limits.SEED_REQUEST_TIMEOUT_SECONDS))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), false);
        token = answer.path("access_token").asString();
        long lifetimeSeconds = answer.path("expires_in").asLong(60);
        tokenRenewAtNanos = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.max(5, lifetimeSeconds - 30));
        return token;
    }

    private synchronized void forgetToken() {
        token = null;
    }

    private JsonNode post(String service, String baseUrl, String path, Object body) throws InterruptedException {
        String json = JSON.writeValueAsString(body);
        return send(service, path, () -> {
            try {
                return HttpRequest.newBuilder(URI.create(baseUrl + path))
                        .timeout(Duration.ofSeconds(Limits.SEED_REQUEST_TIMEOUT_SECONDS))
                        .header("Authorization", "Bearer " + token())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SeedException("interrupted");
            }
        }, true);
    }

    /**
     * Sends with a few tries: connection errors, timeouts, 429 and 5xx are tried again after a pause that doubles; an
     * expired token (401) is renewed once. Every request of the seeder may be repeated: its ids make it idempotent.
     */
    private JsonNode send(String service, String path, Supplier<HttpRequest> request, boolean renewTokenOn401)
            throws InterruptedException {
        boolean renewed = false;
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request.get(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt >= Limits.SEED_MAX_ATTEMPTS) {
                    throw new SeedException(service + " did not answer POST " + path + " (" + attempt + " tries): " + describe(e));
                }
                pause(attempt);
                continue;
            }
            int status = response.statusCode();
            if (status == 200 || status == 201) {
                try {
                    return JSON.readTree(response.body());
                } catch (JacksonException e) {
                    throw new SeedException(service + " answered POST " + path + " with something that is not JSON");
                }
            }
            if (status == 401 && renewTokenOn401 && !renewed) {
                renewed = true;
                forgetToken();
                continue;
            }
            if ((status >= 500 || status == 429) && attempt < Limits.SEED_MAX_ATTEMPTS) {
                pause(attempt);
                continue;
            }
            throw new SeedException(service + " refused POST " + path + ": " + status + " " + problem(response.body()));
        }
    }

    private static void pause(int attempt) throws InterruptedException {
        Thread.sleep((long) Limits.SEED_FIRST_RETRY_PAUSE_MILLIS << (attempt - 1));
    }

    /** The problem detail's code, detail and field errors, or the start of whatever else came back. */
    private static String problem(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem != null && problem.isObject()) {
                // RFC 9457 problems have code and detail; OAuth2 token errors (RFC 6749) error and error_description.
                String code = problem.path("code").asString(problem.path("error").asString(""));
                String detail = problem.path("detail").asString(problem.path("error_description").asString(""));
                String text = detail.isBlank() ? code : code + ": " + detail;
                JsonNode errors = problem.get("errors");
                if (errors != null && errors.isArray() && !errors.isEmpty()) {
                    List<String> fields = new ArrayList<>();
                    errors.forEach(error -> fields.add(error.path("field").asString() + " " + error.path("code").asString()));
                    text += " (" + String.join(", ", fields) + ")";
                }
                return text;
            }
        } catch (JacksonException notJson) {
            // Not a problem detail: show the raw start below.
        }
        return body == null ? "" : body.substring(0, Math.min(200, body.length()));
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    // ---- threads

    private interface Step {
        void run() throws InterruptedException;
    }

    private static Callable<Void> task(Step step) {
        return () -> {
            step.run();
            return null;
        };
    }

    /**
     * Waits for every future of {@code futures}, and stops at the first failure among them or among the {@code others}
     * still running beside them (a refused customer batch need not wait for the transfers): cancels all, rethrows it.
     */
    private static void awaitAll(List<Future<?>> futures, List<Future<?>> others) throws InterruptedException {
        try {
            for (Future<?> future : futures) {
                while (true) {
                    for (Future<?> other : others) {
                        if (other.isDone() && !other.isCancelled()) {
                            other.get();
                        }
                    }
                    try {
                        future.get(Limits.SEED_PROGRESS_INTERVAL_SECONDS, TimeUnit.SECONDS);
                        break;
                    } catch (TimeoutException stillRunning) {
                        // Look at the others again.
                    }
                }
            }
        } catch (ExecutionException e) {
            futures.forEach(future -> future.cancel(true));
            others.forEach(future -> future.cancel(true));
            Throwable cause = e.getCause();
            if (cause instanceof SeedException seed) {
                throw seed;
            }
            throw new SeedException("seeding failed: " + cause);
        } catch (InterruptedException e) {
            futures.forEach(future -> future.cancel(true));
            others.forEach(future -> future.cancel(true));
            throw e;
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    // ---- readiness, the marker, the terminal

    /** The services among identity, customers and ledger whose readiness check does not pass, each with its URL. */
    static List<String> notReady(Endpoints endpoints) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(Limits.SEED_CONNECT_TIMEOUT_SECONDS)).build();
        List<String> notReady = new ArrayList<>();
        for (Map.Entry<String, String> service : endpoints.byService().entrySet()) {
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(service.getValue() + "/actuator/health/readiness"))
                        .timeout(Duration.ofMillis(Limits.READINESS_REQUEST_TIMEOUT_MILLIS)).GET().build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() != 200) {
                    notReady.add(service.getKey() + " (" + service.getValue() + ")");
                }
            } catch (IOException e) {
                notReady.add(service.getKey() + " (" + service.getValue() + ")");
            }
        }
        return notReady;
    }

    static Path marker(Settings settings) {
        return settings.stateDirectory().resolve(MARKER_FILE);
    }

    /**
     * The anchor date of the first seeding, so that a later one (another day) dates the same transfers the same way;
     * today in Lima when nothing was seeded yet.
     */
    static LocalDate anchorDate(Settings settings) {
        Path marker = marker(settings);
        if (Files.isRegularFile(marker)) {
            try {
                for (String line : Files.readAllLines(marker, StandardCharsets.UTF_8)) {
                    if (line.startsWith(ANCHOR_KEY)) {
                        return LocalDate.parse(line.substring(ANCHOR_KEY.length()).trim());
                    }
                }
            } catch (IOException | DateTimeParseException e) {
                // An unreadable marker: seed anchored on today; transfers of an earlier anchor answer as existing.
            }
        }
        return LocalDate.now(LIMA);
    }

    static void writeMarker(Settings settings, Result result) {
        try {
            Files.createDirectories(settings.stateDirectory());
            Files.writeString(marker(settings), "# ./quipu run seeds demo data while this file is missing (docs/local-run.md)\n"
                    + "seededAt=" + OffsetDateTime.now() + "\n"
                    + "customers=" + result.customers().total + "\n"
                    + ANCHOR_KEY + result.anchor() + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + marker(settings), e);
        }
    }

    /** Whether the output is a terminal, where a progress line can be rewritten in place. */
    static boolean interactiveTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // JDK 22 and later give a Console even when the output is redirected; isTerminal() tells the difference.
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException olderJdk) {
            return true;
        }
    }

    /** A line rewritten in place on a terminal, and cleared before anything else is printed. */
    static final class ProgressLine {
        private final PrintStream out;
        private int shown;

        ProgressLine(PrintStream out) {
            this.out = out;
        }

        synchronized void show(String line) {
            out.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
            out.flush();
            shown = line.length();
        }

        synchronized void clear() {
            if (shown > 0) {
                out.print("\r" + " ".repeat(shown) + "\r");
                out.flush();
                shown = 0;
            }
        }
    }

    /** {@code ./quipu seed}: progress in place on a terminal, else a line each time; problems on {@code err}. */
    static Output terminal(PrintStream out, PrintStream err, boolean inPlace) {
        ProgressLine progress = new ProgressLine(out);
        return new Output() {
            @Override
            public void progress(String line) {
                if (inPlace) {
                    progress.show(line);
                } else {
                    out.println(line);
                }
            }

            @Override
            public void finished(String line) {
                progress.clear();
                out.println(line);
            }

            @Override
            public void problem(String line) {
                progress.clear();
                err.println(line);
            }
        };
    }

    static Optional<String> missingServices(List<String> started) {
        List<String> missing = new ArrayList<>();
        for (String service : List.of("identity", "customers", "ledger")) {
            if (!started.contains(service)) {
                missing.add(service);
            }
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", missing));
    }
}

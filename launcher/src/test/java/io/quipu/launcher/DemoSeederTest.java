package io.quipu.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seeder against a stand-in of identity, customers and the ledger (the JDK's HTTP server): what it sends, in which
 * order and sizes, how it retries, and how it reports a refusal. The real services' batch endpoints have their own tests.
 */
class DemoSeederTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final LocalDate ANCHOR = LocalDate.of(2026, 3, 14);

    HttpServer server;
    final ExecutorService serverThreads = Executors.newFixedThreadPool(8);
    String baseUrl;
    final Set<String> knownIds = ConcurrentHashMap.newKeySet();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresToInject = new AtomicInteger();
    final AtomicInteger depositBatchesAnswered = new AtomicInteger();
    final AtomicInteger paymentsBeforeDeposits = new AtomicInteger();
    volatile int customersStatus = 200;
    volatile boolean seederClientRegistered = true;

    @BeforeEach
    void startStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/oauth2/token", this::token);
        server.createContext("/customers/batch", exchange -> batch(exchange, "customers", 1_000, "created"));
        server.createContext("/accounts/batch", exchange -> batch(exchange, "accounts", 1_000, "created"));
        server.createContext("/transfers/batch", exchange -> batch(exchange, "transfers", 8_190, "ok"));
        server.setExecutor(serverThreads);
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopStandIn() {
        server.stop(0);
        serverThreads.shutdownNow();
    }

    @Test
    void seedsInBoundedBatchesDepositsFirstAndASecondRunCreatesNothing() throws Exception {
        failuresToInject.set(2); // two 503s on the way: tried again
        List<String> progress = new CopyOnWriteArrayList<>();
        List<String> finished = new CopyOnWriteArrayList<>();
        DemoSeeder.Result first = seeder(2_500, progress, finished).seed();

        assertThat(first.complete()).isTrue();
        assertThat(first.customers().created.get()).isEqualTo(2_500);
        assertThat(first.accounts().created.get()).isEqualTo(2_500);
        assertThat(first.transfers().created.get()).isEqualTo(5_000);
        assertThat(paymentsBeforeDeposits.get()).isZero();
        assertThat(requests).filteredOn(request -> request.endsWith("(503)")).hasSize(2);
        assertThat(requests).filteredOn(request -> request.matches("customers \\d+")).hasSize(3)
                .allSatisfy(request -> assertThat(Integer.parseInt(request.split(" ")[1])).isBetween(1, 1_000));
        assertThat(requests).filteredOn(request -> request.matches("transfers \\d+")).hasSize(2)
                .allSatisfy(request -> assertThat(Integer.parseInt(request.split(" ")[1])).isBetween(1, 8_190));
        assertThat(requests).filteredOn(request -> request.startsWith("token")).isNotEmpty();
        assertThat(finished).singleElement().asString().startsWith("seeded 2500 customers (2500 new, 0 already there)")
                .contains("5000 transfers (5000 new").contains("value dates 2025-03-15 to 2026-03-14");

        DemoSeeder.Result second = seeder(2_500, progress, finished).seed();
        assertThat(second.customers().created.get()).isZero();
        assertThat(second.customers().existing.get()).isEqualTo(2_500);
        assertThat(second.transfers().existing.get()).isEqualTo(5_000);
    }

    @Test
    void aRefusedRequestStopsTheSeedingWithTheServicesProblem() {
        customersStatus = 403;
        assertThatThrownBy(() -> seeder(1_500, new ArrayList<>(), new ArrayList<>()).seed())
                .isInstanceOf(DemoSeeder.SeedException.class)
                .hasMessage("customers refused POST /customers/batch: 403 forbidden: The token does not allow this operation.");
    }

    @Test
    void anIdentityWithoutTheSeederClientIsNamedBeforeAnythingIsSent() {
        seederClientRegistered = false; // identity not started with the local profile
        assertThatThrownBy(() -> seeder(10, new ArrayList<>(), new ArrayList<>()).seed())
                .isInstanceOf(DemoSeeder.SeedException.class)
                .hasMessage("identity refused POST /oauth2/token: 401 invalid_client");
        assertThat(requests).allSatisfy(request -> assertThat(request).startsWith("token"));
    }

    @Test
    void anUnreachableServiceIsNamedAfterAFewTries() {
        DemoSeeder.Endpoints nowhere = new DemoSeeder.Endpoints("http://127.0.0.1:1", baseUrl, baseUrl);
        assertThatThrownBy(() -> new DemoSeeder(nowhere, 10, ANCHOR, silent()).seed())
                .isInstanceOf(DemoSeeder.SeedException.class)
                .hasMessageStartingWith("identity did not answer POST /oauth2/token (" + Limits.SEED_MAX_ATTEMPTS + " tries)");
    }

    @Test
    void theProgressLineCountsEveryKind() {
        DemoSeeder seeder = seeder(20_000, new ArrayList<>(), new ArrayList<>());
        assertThat(seeder.progressLine(System.nanoTime())).isEqualTo("seeding: customers 0/20000, accounts 0/20000, transfers 0/40000 (0 s)");
    }

    // --- the stand-in -----------------------------------------------------------------------------------------------------

    DemoSeeder seeder(int customers, List<String> progress, List<String> finished) {
        return new DemoSeeder(new DemoSeeder.Endpoints(baseUrl, baseUrl, baseUrl), customers, ANCHOR, new DemoSeeder.Output() {
            @Override
            public void progress(String line) {
                progress.add(line);
            }

            @Override
            public void finished(String line) {
                finished.add(line);
            }

            @Override
            public void problem(String line) {
                finished.add(line);
            }
        });
    }

    static DemoSeeder.Output silent() {
        return new DemoSeeder.Output() {
            @Override
            public void progress(String line) {
            }

            @Override
            public void finished(String line) {
            }

            @Override
            public void problem(String line) {
            }
        };
    }

    void token(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString("seeder:seeder-secret".getBytes(StandardCharsets.UTF_8));
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add("token " + form);
        if (!seederClientRegistered || !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                || !form.contains("grant_type=client_credentials")) {
            answer(exchange, 401, "{\"error\":\"invalid_client\"}");
            return;
        }
        answer(exchange, 200, "{\"access_token\":\"seeder-token\",\"token_type\":\"Bearer\",\"expires_in\":600}");
    }

    /** Answers every item as the real services do: new ids created (or ok), known ids exists. */
    void batch(HttpExchange exchange, String kind, int maximum, String createdCode) throws IOException {
        if (!"Bearer seeder-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"code\":\"unauthenticated\"}");
            return;
        }
        if (kind.equals("customers") && customersStatus != 200) {
            answer(exchange, customersStatus, "{\"status\":403,\"code\":\"forbidden\",\"detail\":\"The token does not allow this operation.\"}");
            return;
        }
        if (failuresToInject.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            requests.add(kind + " 0 (503)");
            answer(exchange, 503, "{\"code\":\"unavailable\"}");
            return;
        }
        JsonNode items;
        try (InputStream body = exchange.getRequestBody()) {
            items = JSON.readTree(body).get(kind);
        }
        requests.add(kind + " " + items.size());
        if (items.size() > maximum) {
            answer(exchange, 400, "{\"code\":\"validation_failed\"}");
            return;
        }
        boolean deposits = kind.equals("transfers") && "historical_cash_deposit".equals(items.get(0).get("code").asString());
        if (kind.equals("transfers") && !deposits && depositBatchesAnswered.get() < 1) {
            paymentsBeforeDeposits.incrementAndGet();
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (int index = 0; index < items.size(); index++) {
            String id = items.get(index).get("id").asString();
            results.add(Map.of("index", index, "id", id, "result", knownIds.add(kind + id) ? createdCode : "exists"));
        }
        if (deposits) {
            depositBatchesAnswered.incrementAndGet();
        }
        answer(exchange, 200, JSON.writeValueAsString(Map.of("results", results)));
    }

    static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}

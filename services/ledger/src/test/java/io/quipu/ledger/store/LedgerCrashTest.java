package io.quipu.ledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.quipu.platform.test.EmbeddedInfrastructure;
import io.quipu.platform.test.TestHttp;
import io.quipu.platform.test.TestInfrastructure;
import io.quipu.platform.test.TestTokens;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger's database connections are killed again and again under load (as when the database restarts or the
 * network drops): every transfer that was answered "ok" is stored, none is half-applied, and a transfer whose answer
 * was an error can be retried with the same id safely.
 */
@EmbeddedInfrastructure(database = "ledger")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LedgerCrashTest {

    private static final int CLIENTS = 8;
    private static final int TRANSFERS_PER_CLIENT = 120;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void connectionsKilledMidLoadLoseNothingAnsweredOk() throws Exception {
        TestHttp http = new TestHttp(port, TestTokens.get().service("payments", "ledger", "ledger:read", "ledger:write"));
        UUID bank = open(http, null, "SETTLEMENT");
        List<UUID> customers = new ArrayList<>();
        for (int index = 0; index < 4; index++) {
            customers.add(open(http, UUID.randomUUID(), "SAVINGS"));
        }
        List<UUID> answeredOk = Collections.synchronizedList(new ArrayList<>());
        List<String> failedRequests = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger kills = new AtomicInteger();

        Thread killer = new Thread(() -> {
            String url = TestInfrastructure.get().postgres().jdbcUrl("postgres");
            while (loading.get()) {
                try (var connection = java.sql.DriverManager.getConnection(url, "postgres", "")) {
                    Thread.sleep(300);
                    var result = connection.createStatement().executeQuery(
                            "select count(pg_terminate_backend(pid)) from pg_stat_activity where datname = 'ledger' and pid <> pg_backend_pid()");
                    result.next();
                    if (result.getInt(1) > 0) {
                        kills.incrementAndGet();
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // the killer itself is best effort
                }
            }
        });
        killer.start();

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            long seed = client;
            clients.add(pool.submit(() -> {
                Random random = new Random(seed);
                for (int index = 0; index < TRANSFERS_PER_CLIENT; index++) {
                    UUID id = UUID.randomUUID();
                    UUID debit = random.nextBoolean() ? bank : customers.get(random.nextInt(customers.size()));
                    UUID credit = customers.get(random.nextInt(customers.size()));
                    if (debit.equals(credit)) {
                        continue;
                    }
                    String body = transfer(id, debit, credit, (1 + random.nextInt(900)) + ".00");
                    HttpResponse<String> response = http.post("/transfers", body);
                    if (response.statusCode() == 201) {
                        answeredOk.add(id);
                    } else if (response.statusCode() >= 500) {
                        failedRequests.add(body);
                    }
                    assertThat(response.statusCode()).as(response.body()).isIn(201, 422, 503);
                }
                return null;
            }));
        }
        for (Future<?> future : clients) {
            future.get(5, TimeUnit.MINUTES);
        }
        loading.set(false);
        killer.join();
        pool.shutdown();

        // The pool still holds connections killed at the very end; drop them before the checks use the pool.
        ((com.zaxxer.hikari.HikariDataSource) dataSource).getHikariPoolMXBean().softEvictConnections();
        assertThat(kills.get()).as("connections were killed during the load").isPositive();
        assertThat(answeredOk).isNotEmpty();
        List<UUID> stored = jdbc.sql("select id from transfers where id = any(:ids)")
                .param("ids", answeredOk.toArray(UUID[]::new)).query(UUID.class).list();
        assertThat(stored).containsExactlyInAnyOrderElementsOf(answeredOk);
        LedgerConcurrencyTest.assertBalancesEqualTransfers(jdbc);

        // A request that failed may or may not have committed: retrying it with the same id is always safe.
        for (String body : failedRequests) {
            HttpResponse<String> retry = http.post("/transfers", body);
            assertThat(retry.statusCode()).as(retry.body()).isIn(200, 201, 422);
        }
        LedgerConcurrencyTest.assertBalancesEqualTransfers(jdbc);
    }

    private static UUID open(TestHttp http, UUID customerId, String product) {
        UUID id = UUID.randomUUID();
        String customer = customerId == null ? "null" : "\"" + customerId + "\"";
        HttpResponse<String> response = http.post("/accounts",
                "{\"id\":\"%s\",\"customerId\":%s,\"product\":\"%s\",\"currency\":\"PEN\"}".formatted(id, customer, product));
        assertThat(response.statusCode()).as(response.body()).isIn(201);
        JsonMapper.builder().build().readTree(response.body());
        return id;
    }

    private static String transfer(UUID id, UUID debit, UUID credit, String amount) {
        return "{\"id\":\"%s\",\"debitAccountId\":\"%s\",\"creditAccountId\":\"%s\",\"amount\":\"%s\",\"currency\":\"PEN\",\"code\":\"crash_test\"}"
                .formatted(id, debit, credit, amount);
    }
}

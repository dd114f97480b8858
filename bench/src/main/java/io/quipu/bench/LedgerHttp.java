package io.quipu.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.quipu.platform.test.TestTokens;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The ledger's HTTP API as the benchmark calls it: JDK HttpClient (HTTP/1.1, keep-alive), a service token, JSON by hand. */
final class LedgerHttp implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

    private final String base;
    private final ExecutorService executor;
    private final HttpClient client;
    private String token;
    private long tokenMintedAt;

    LedgerHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "bench-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(executor).build();
    }

    record Response(int status, byte[] body) {
        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** A ledger:write service token, minted again before it would expire (tokens live 10 minutes). */
    private synchronized String token() {
        if (token == null || System.nanoTime() - tokenMintedAt > TOKEN_LIFETIME.toNanos()) {
            token = TestTokens.get().service("bench", "ledger", "ledger:read", "ledger:write");
            tokenMintedAt = System.nanoTime();
        }
        return token;
    }

    Response post(String path, byte[] json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Response(response.statusCode(), response.body());
    }

    Response get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token()).GET().build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Response(response.statusCode(), response.body());
    }

    /** 200 from /actuator/health/readiness (no token needed). */
    boolean ready() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(5)).GET().build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ---- JSON

    static String openAccountJson(UUID id, UUID customerId, String product) {
        return "{\"id\":\"" + id + "\"," + (customerId == null ? "" : "\"customerId\":\"" + customerId + "\",")
                + "\"product\":\"" + product + "\",\"currency\":\"PEN\"}";
    }

    static void appendTransfer(StringBuilder json, UUID id, UUID debit, UUID credit, long amountMinor) {
        json.append("{\"id\":\"").append(id).append("\",\"debitAccountId\":\"").append(debit)
                .append("\",\"creditAccountId\":\"").append(credit).append("\",\"amount\":\"");
        appendDecimal(json, amountMinor);
        json.append("\",\"currency\":\"PEN\",\"code\":\"bench_transfer\"}");
    }

    /** Minor units of a 2-decimal currency as the API's decimal string: 5 → "0.05", 12345 → "123.45". */
    static void appendDecimal(StringBuilder json, long amountMinor) {
        json.append(amountMinor / 100).append('.');
        long cents = amountMinor % 100;
        if (cents < 10) {
            json.append('0');
        }
        json.append(cents);
    }

    /** The "result" codes of a batch response, in order (one per transfer). */
    static List<String> batchResults(byte[] body) {
        List<String> results = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(body)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.PROPERTY_NAME && "result".equals(parser.currentName())
                        && parser.nextToken() == JsonToken.VALUE_STRING) {
                    results.add(parser.getString());
                }
            }
        }
        return results;
    }

    static JsonNode tree(byte[] body) {
        return JSON.readTree(body);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

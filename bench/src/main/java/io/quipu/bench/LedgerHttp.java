package io.quipu.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.Timeout;

import io.quipu.platform.test.TestTokens;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ledger's HTTP API as the benchmark calls it, HTTP/1.1 with keep-alive, a service token, JSON by hand. Two Apache
 * HttpClients: the classic one (blocking, the calling thread does the I/O) for set-up and batches, and the async one
 * (one I/O thread, "bench-http-io", for every connection) for single transfers, where a thread per client cost the
 * load generator a thread wake-up per request (docs/performance.md). Either way the load generator's CPU is its own
 * threads' ("bench-…").
 */
final class LedgerHttp implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long TOKEN_LIFETIME_NANOS = java.time.Duration.ofMinutes(5).toNanos();
    /** More than any client count the benchmark allows, so no client waits for a connection. */
    private static final int MAX_CONNECTIONS = 1024;
    /** The same for both clients: a ledger that takes a minute to answer has failed the run anyway. */
    private static final ConnectionConfig CONNECTION_CONFIG = ConnectionConfig.custom()
            .setConnectTimeout(Timeout.ofSeconds(5)).setSocketTimeout(Timeout.ofSeconds(60)).build();
    private static final RequestConfig REQUEST_CONFIG = RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(60)).build();

    private final String base;
    private final CloseableHttpClient client;
    private final CloseableHttpAsyncClient asyncClient;
    private String token;
    private long tokenMintedAt;

    LedgerHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(MAX_CONNECTIONS).setMaxConnPerRoute(MAX_CONNECTIONS)
                .setDefaultConnectionConfig(CONNECTION_CONFIG)
                .build();
        this.client = HttpClients.custom().setConnectionManager(connections)
                .setDefaultRequestConfig(REQUEST_CONFIG)
                .disableAutomaticRetries().disableCookieManagement().disableRedirectHandling()
                .disableContentCompression().build();
        this.asyncClient = HttpAsyncClients.custom()
                .setIOReactorConfig(IOReactorConfig.custom().setIoThreadCount(1).setTcpNoDelay(true).build())
                .setThreadFactory(runnable -> {
                    Thread thread = new Thread(runnable, "bench-http-io");
                    thread.setDaemon(true);
                    return thread;
                })
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(MAX_CONNECTIONS).setMaxConnPerRoute(MAX_CONNECTIONS)
                        .setDefaultConnectionConfig(CONNECTION_CONFIG)
                        .setDefaultTlsConfig(TlsConfig.custom()
                                .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1).build())
                        .build())
                .setDefaultRequestConfig(REQUEST_CONFIG)
                .disableAutomaticRetries().disableCookieManagement().disableRedirectHandling().build();
        this.asyncClient.start();
    }

    record Response(int status, byte[] body) {
        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /** A ledger:write service token, minted again before it would expire (tokens live 10 minutes). */
    private synchronized String token() {
        if (token == null || System.nanoTime() - tokenMintedAt > TOKEN_LIFETIME_NANOS) {
            token = TestTokens.get().service("bench", "ledger", "ledger:read", "ledger:write");
            tokenMintedAt = System.nanoTime();
        }
        return token;
    }

    Response post(String path, byte[] json) throws IOException {
        HttpPost request = new HttpPost(base + path);
        request.setHeader("Authorization", "Bearer " + token());
        request.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
        return execute(request);
    }

    /** Sends without waiting; the answer completes the future on the async client's I/O thread. */
    CompletableFuture<Response> postAsync(String path, byte[] json) {
        SimpleHttpRequest request = SimpleRequestBuilder.post(base + path)
                .setHeader("Authorization", "Bearer " + token())
                .setBody(json, ContentType.APPLICATION_JSON).build();
        CompletableFuture<Response> answer = new CompletableFuture<>();
        asyncClient.execute(request, new FutureCallback<SimpleHttpResponse>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                byte[] body = response.getBodyBytes();
                answer.complete(new Response(response.getCode(), body == null ? new byte[0] : body));
            }

            @Override
            public void failed(Exception error) {
                answer.completeExceptionally(error);
            }

            @Override
            public void cancelled() {
                answer.cancel(false);
            }
        });
        return answer;
    }

    Response get(String path) throws IOException {
        HttpGet request = new HttpGet(base + path);
        request.setHeader("Authorization", "Bearer " + token());
        return execute(request);
    }

    private Response execute(ClassicHttpRequest request) throws IOException {
        return client.execute(request, response -> new Response(response.getCode(),
                response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity())));
    }

    /** 200 from /actuator/health/readiness (no token needed). */
    boolean ready() {
        try {
            return execute(new HttpGet(base + "/actuator/health/readiness")).status() == 200;
        } catch (IOException e) {
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
        // Both, even when one fails.
        try (client; asyncClient) {
            // nothing to do but close
        } catch (IOException e) {
            // closing sockets to a ledger that is going away anyway
        }
    }
}

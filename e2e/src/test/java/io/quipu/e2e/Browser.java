package io.quipu.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.jayway.jsonpath.JsonPath;

/** What the web app does in a browser: a cookie jar, the XSRF header on changes, and the BFF login with an SMS code. */
final class Browser {

    private final String gateway;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;

    Browser(String gateway) {
        this.gateway = gateway;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Password, then the newest one-time code sent to {@code phone}, read from the sandbox's SMS inbox. */
    void logIn(String username, String password, String phone, String sandbox) throws Exception {
        get("/bff/session"); // hands out the XSRF-TOKEN cookie, as the web app's first call does
        HttpResponse<String> challenge = post("/bff/login", "{\"username\":\"%s\",\"password\":\"%s\"}".formatted(username, password));
        assertThat(challenge.statusCode()).as(challenge.body()).isEqualTo(200);
        HttpResponse<String> inbox = send(HttpRequest.newBuilder(URI.create(sandbox + "/sandbox/sms/latest-otp?to=" + phone.replace("+", "%2B")))
                .timeout(Duration.ofSeconds(10)).GET().build());
        assertThat(inbox.statusCode()).as(inbox.body()).isEqualTo(200);
        String otp = JsonPath.read(inbox.body(), "$.otp");
        HttpResponse<String> verified = post("/bff/verify-otp", "{\"otp\":\"%s\"}".formatted(otp));
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(verified.body()).doesNotContain("\"accessToken\"", "\"refreshToken\"", "eyJ");
        HttpCookie session = cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("QUIPU_SESSION")).findFirst().orElseThrow();
        assertThat(session.isHttpOnly()).isTrue();
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    /** A POST from the web app: JSON, the CSRF header from its cookie, and any {@code headers} (name, value, …). */
    HttpResponse<String> post(String path, String json, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) {
            request.headers(headers);
        }
        cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN")).findFirst()
                .ifPresent(token -> request.header("X-XSRF-TOKEN", token.getValue()));
        return send(request.build());
    }

    /** Opens a Server-Sent Events stream as the web app's {@code EventSource} does: the session cookie, no token. */
    EventStream openEventStream(String path) throws Exception {
        HttpResponse<java.util.stream.Stream<String>> response = client.sendAsync(HttpRequest.newBuilder(URI.create(gateway + path))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        return new EventStream(response);
    }

    /** The {@code data:} lines of an open event stream, read in the background. */
    static final class EventStream implements AutoCloseable {

        private final BlockingQueue<String> data = new LinkedBlockingQueue<>();
        private final HttpResponse<java.util.stream.Stream<String>> response;
        private final CompletableFuture<Void> reading;

        private EventStream(HttpResponse<java.util.stream.Stream<String>> response) {
            this.response = response;
            this.reading = CompletableFuture.runAsync(() -> {
                try {
                    response.body().filter(line -> line.startsWith("data:")).forEach(line -> data.add(line.substring(5).strip()));
                } catch (RuntimeException closed) {
                    // the stream was closed
                }
            });
        }

        /** The next event's data, or null when none came within the time. */
        String next(Duration within) throws InterruptedException {
            return data.poll(within.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            response.body().close();
            reading.cancel(true);
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}

package io.quipu.notifications.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** An open {@code GET /notifications/stream} read line by line in the background: its {@code data:} lines in a queue. */
final class SseReader implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    final int status;
    final String contentType;
    private final BlockingQueue<String> data = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> comments = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;
    private final CompletableFuture<Void> reading;

    SseReader(int port, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/notifications/stream"))
                .header("Accept", "text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        response = CLIENT.sendAsync(request.GET().build(), HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        status = response.statusCode();
        contentType = response.headers().firstValue("Content-Type").orElse("");
        reading = CompletableFuture.runAsync(() -> {
            try {
                response.body().forEach(line -> {
                    if (line.startsWith("data:")) {
                        data.add(line.substring(5).strip());
                    } else if (line.startsWith(":")) {
                        comments.add(line.substring(1).strip());
                    }
                });
            } catch (RuntimeException closed) {
                // the stream was closed
            }
        });
    }

    /** The next {@code data:} line, or null when none came in time. */
    String nextData(Duration within) throws InterruptedException {
        return data.poll(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    String nextComment(Duration within) throws InterruptedException {
        return comments.poll(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        response.body().close();
        reading.cancel(true);
    }
}

package io.quipu.identity.api;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A faithful stand-in for the sandbox's SMS provider API (docs/sandbox.md): {@code POST /sms/v1/messages} with
 * {@code X-Api-Key}, 401 without the right key, 400 without {@code to}/{@code text}, 202 otherwise; it records what it
 * accepted so tests read the one-time password as a customer would.
 */
final class SmsStandIn {

    static final String API_KEY = "test-sms-key";
    private static final Pattern SIX_DIGITS = Pattern.compile("(?<!\\d)\\d{6}(?!\\d)");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Message(String to, String text) {
    }

    private final HttpServer server;
    private final List<Message> messages = new ArrayList<>();
    /** Answers this many requests with 503 before accepting again: a provider having a bad moment. */
    private final AtomicInteger failuresToAnswer = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    /** Set: the next message is held (not answered, not recorded) until the latch opens, at most 10 s. */
    private volatile CountDownLatch hold;

    SmsStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/sms/v1/messages", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    void failNext(int count) {
        failuresToAnswer.set(count);
    }

    /** The provider takes its time with the next message: it is answered and recorded once the latch is opened. */
    CountDownLatch holdNext() {
        hold = new CountDownLatch(1);
        return hold;
    }

    /** Waits (at most 10 s) until the phone has received more than {@code count} messages. */
    void awaitMoreThan(String phone, int count) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (messagesTo(phone).size() <= count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no new SMS reached " + phone + " within 10 s");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    int requestCount() {
        return requests.get();
    }

    synchronized List<Message> messagesTo(String phone) {
        return messages.stream().filter(message -> message.to().equals(phone)).toList();
    }

    /** The last six-digit number of the newest SMS to the phone, as the sandbox's latest-otp does. */
    synchronized String latestOtp(String phone) {
        List<Message> received = messagesTo(phone);
        if (received.isEmpty()) {
            throw new AssertionError("no SMS was sent to " + phone);
        }
        Matcher matcher = SIX_DIGITS.matcher(received.get(received.size() - 1).text());
        String otp = null;
        while (matcher.find()) {
            otp = matcher.group();
        }
        if (otp == null) {
            throw new AssertionError("the newest SMS to " + phone + " has no code");
        }
        return otp;
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        if (!"POST".equals(exchange.getRequestMethod())) {
            respond(exchange, 405, "{\"code\":\"method_not_allowed\"}");
            return;
        }
        String key = exchange.getRequestHeaders().getFirst("X-Api-Key");
        if (key == null) {
            respond(exchange, 401, "{\"code\":\"missing_api_key\"}");
            return;
        }
        if (!API_KEY.equals(key)) {
            respond(exchange, 401, "{\"code\":\"invalid_api_key\"}");
            return;
        }
        CountDownLatch held = hold;
        if (held != null) {
            hold = null;
            try {
                held.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failuresToAnswer.getAndUpdate(count -> Math.max(0, count - 1)) > 0) {
            respond(exchange, 503, "{\"code\":\"unavailable\"}");
            return;
        }
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        JsonNode to = body.get("to");
        JsonNode text = body.get("text");
        if (to == null || !to.asString().matches("\\+[1-9]\\d{7,14}") || text == null || text.asString().isBlank()
                || text.asString().length() > 918) {
            respond(exchange, 400, "{\"code\":\"validation_failed\"}");
            return;
        }
        synchronized (this) {
            messages.add(new Message(to.asString(), text.asString()));
        }
        respond(exchange, 202, "{\"messageId\":\"" + UUID.randomUUID() + "\",\"status\":\"queued\",\"segments\":1}");
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }
}

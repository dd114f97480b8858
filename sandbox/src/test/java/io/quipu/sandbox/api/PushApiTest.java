package io.quipu.sandbox.api;

import static io.quipu.sandbox.api.ApiAssertions.assertFieldError;
import static io.quipu.sandbox.api.ApiAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The push provider (FCM-like) over real HTTP: devices get tokens, messages reach the inbox, uninstalled apps are unregistered. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "quipu.sandbox.smtp-port=0")
class PushApiTest {

    static final Map<String, String> PUSH_KEY = Map.of("X-Api-Key", "sandbox-push-key");
    private static final String MESSAGES = "/push/v1/messages";

    @LocalServerPort
    int port;

    HttpTestClient http;

    @BeforeEach
    void client() {
        http = new HttpTestClient(port);
    }

    @AfterEach
    void clearFaults() {
        http.delete("/sandbox/faults");
    }

    private String registerDevice(String platform) {
        HttpTestClient.Reply created = http.postJson("/sandbox/push/devices", Map.of("platform", platform), Map.of());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().get("token").asString();
    }

    private static Map<String, Object> message(String token, String title) {
        return Map.of("token", token, "title", title, "body", "Recibiste S/ 125.50 de Luis Mamani.");
    }

    @Test
    void aRegisteredDeviceReceivesThePushAndTheInboxShowsIt() {
        HttpTestClient.Reply created = http.postJson("/sandbox/push/devices", Map.of("platform", "android", "label", "Pixel de Ana"), Map.of());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String token = created.json().get("token").asString();
        assertThat(token).matches("fcm-[A-Za-z0-9_-]{40}");
        assertThat(created.json().get("platform").asString()).isEqualTo("android");
        assertThat(created.json().get("label").asString()).isEqualTo("Pixel de Ana");
        assertThat(created.json().get("createdAt").asString()).isNotBlank();
        assertThat(registerDevice("ios")).as("every install gets its own token").isNotEqualTo(token);

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", "transfer_received");
        data.put("transferId", "019a4f6e-1c2d-7e3f-8a9b-0c1d2e3f4a5b");
        HttpTestClient.Reply sent = http.postJson(MESSAGES,
                Map.of("token", token, "title", "Transferencia recibida", "body", "Recibiste S/ 125.50 de Luis Mamani.", "data", data),
                PUSH_KEY);
        assertThat(sent.status()).as(sent.text()).isEqualTo(200);
        assertThat(sent.json().get("status").asString()).isEqualTo("delivered");
        String messageId = sent.json().get("messageId").asString();
        assertThat(UUID.fromString(messageId)).isNotNull();

        JsonNode inbox = http.get("/sandbox/push?token=" + token).json();
        assertThat(inbox).hasSize(1);
        JsonNode delivered = inbox.get(0);
        assertThat(delivered.get("messageId").asString()).isEqualTo(messageId);
        assertThat(delivered.get("token").asString()).isEqualTo(token);
        assertThat(delivered.get("title").asString()).isEqualTo("Transferencia recibida");
        assertThat(delivered.get("body").asString()).isEqualTo("Recibiste S/ 125.50 de Luis Mamani.");
        assertThat(delivered.get("data").get("type").asString()).isEqualTo("transfer_received");
        assertThat(delivered.get("data").get("transferId").asString()).isEqualTo("019a4f6e-1c2d-7e3f-8a9b-0c1d2e3f4a5b");
        assertThat(delivered.get("receivedAt").asString()).isNotBlank();

        assertThat(http.postJson(MESSAGES, message(token, "second"), PUSH_KEY).status()).isEqualTo(200);
        assertThat(http.postJson(MESSAGES, message(token, "third"), PUSH_KEY).status()).isEqualTo(200);
        assertThat(titles("/sandbox/push?token=" + token)).containsExactly("third", "second", "Transferencia recibida");
        assertThat(titles("/sandbox/push?limit=2")).as("without a token: every device, newest first").containsExactly("third", "second");
        assertThat(http.get("/sandbox/push?token=" + token + "&limit=1").json().get(0).get("data").isEmpty())
                .as("no data: an empty map").isTrue();
        assertThat(http.get("/sandbox/push?token=fcm-nobody").json()).isEmpty();
    }

    @Test
    void aTokenIsUnregisteredOnceItsDeviceIsDeleted() {
        String token = registerDevice("web");
        assertThat(http.postJson(MESSAGES, message(token, "before"), PUSH_KEY).status()).isEqualTo(200);

        assertThat(http.delete("/sandbox/push/devices/" + token).status()).isEqualTo(204);
        HttpTestClient.Reply unregistered = http.postJson(MESSAGES, message(token, "after"), PUSH_KEY);
        assertProblem(unregistered, 404, "unregistered");
        assertThat(unregistered.json().get("detail").asString()).doesNotContain(token);
        assertThat(titles("/sandbox/push?token=" + token)).as("nothing delivered after the uninstall").containsExactly("before");

        assertProblem(http.postJson(MESSAGES, message("fcm-" + "x".repeat(40), "never issued"), PUSH_KEY), 404, "unregistered");
        assertThat(http.delete("/sandbox/push/devices/" + token).status()).as("deleting again is harmless").isEqualTo(204);
    }

    @Test
    void refusesAMissingOrWrongApiKeyBeforeReadingTheBody() {
        String token = registerDevice("android");
        assertProblem(http.postJson(MESSAGES, message(token, "hi"), Map.of()), 401, "missing_api_key");
        HttpTestClient.Reply wrongKey = http.postJson(MESSAGES, message(token, "hi"), Map.of("X-Api-Key", "guess"));
        assertProblem(wrongKey, 401, "invalid_api_key");
        assertThat(wrongKey.header("WWW-Authenticate")).contains("X-Api-Key");
        assertProblem(http.postJson(MESSAGES, message(token, "hi"), Map.of("X-Api-Key", "sandbox-sms-key")), 401, "invalid_api_key");
        assertProblem(http.postJson(MESSAGES, "{not json", Map.of()), 401, "missing_api_key");
        assertThat(http.get("/sandbox/push?token=" + token).json()).as("nothing delivered").isEmpty();
    }

    @Test
    void refusesInvalidMessagesWithFieldErrors() {
        String token = registerDevice("ios");
        assertFieldError(http.postJson(MESSAGES, Map.of("title", "t", "body", "b"), PUSH_KEY), "token", "required");
        assertFieldError(http.postJson(MESSAGES, Map.of("token", "t".repeat(257), "title", "t", "body", "b"), PUSH_KEY), "token", "too_long");
        assertFieldError(http.postJson(MESSAGES, Map.of("token", token, "body", "b"), PUSH_KEY), "title", "required");
        assertFieldError(http.postJson(MESSAGES, Map.of("token", token, "title", "t".repeat(101), "body", "b"), PUSH_KEY), "title", "too_long");
        assertFieldError(http.postJson(MESSAGES, Map.of("token", token, "title", "t", "body", " "), PUSH_KEY), "body", "required");
        assertFieldError(http.postJson(MESSAGES, Map.of("token", token, "title", "t", "body", "b".repeat(1001)), PUSH_KEY), "body", "too_long");

        Map<String, Object> tooMany = new LinkedHashMap<>();
        for (int entry = 0; entry < 21; entry++) {
            tooMany.put("key" + entry, "value");
        }
        assertFieldError(send(token, tooMany), "data", "too_many_entries");
        assertFieldError(send(token, Map.of("reference", "r".repeat(201))), "data.reference", "too_long");
        assertFieldError(send(token, Map.of("amount", 125.5)), "data.amount", "invalid_type");
        assertFieldError(send(token, Map.of("nested", Map.of("a", "b"))), "data.nested", "invalid_type");
        assertFieldError(send(token, Map.of("from", "bank")), "data.from", "reserved_key");
        assertFieldError(send(token, Map.of("google.c.a.e", "1")), "data.google.c.a.e", "reserved_key");
        assertFieldError(send(token, Map.of("k".repeat(65), "v")), "data", "invalid_key");
        assertFieldError(http.postJson(MESSAGES, "{\"token\": \"" + token + "\", \"title\": \"t\", \"body\": \"b\", \"data\": [\"x\"]}", PUSH_KEY),
                "data", "invalid_type");
        assertProblem(http.postJson(MESSAGES, "{not json", PUSH_KEY), 400, "malformed_json");
        assertThat(http.get("/sandbox/push?token=" + token).json()).as("nothing delivered").isEmpty();

        Map<String, Object> atTheLimits = new LinkedHashMap<>();
        for (int entry = 0; entry < 20; entry++) {
            atTheLimits.put("k".repeat(60) + String.format("%02d", entry), "v".repeat(200));
        }
        HttpTestClient.Reply accepted = http.postJson(MESSAGES,
                Map.of("token", token, "title", "ñ".repeat(100), "body", "b".repeat(1000), "data", atTheLimits), PUSH_KEY);
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
    }

    @Test
    void refusesInvalidDevicesAndInboxQueries() {
        assertFieldError(http.postJson("/sandbox/push/devices", Map.of(), Map.of()), "platform", "required");
        assertFieldError(http.postJson("/sandbox/push/devices", Map.of("platform", "blackberry"), Map.of()), "platform", "invalid_value");
        assertFieldError(http.postJson("/sandbox/push/devices", Map.of("platform", "android", "label", "l".repeat(61)), Map.of()),
                "label", "too_long");
        assertThat(http.postJson("/sandbox/push/devices", Map.of("platform", "android", "label", "l".repeat(60)), Map.of()).status())
                .isEqualTo(201);
        assertFieldError(http.get("/sandbox/push?limit=0"), "limit", "out_of_range");
        assertFieldError(http.get("/sandbox/push?limit=101"), "limit", "out_of_range");
        assertProblem(http.get("/sandbox/push?limit=many"), 400, "invalid_parameter");
        assertFieldError(http.get("/sandbox/push?token=" + "t".repeat(257)), "token", "too_long");
    }

    @Test
    void aPushProviderThatIsDownAnswers503BeforeTheKeyAndDeliversNothing() {
        String token = registerDevice("android");
        HttpTestClient.Reply set = http.putJson("/sandbox/faults/push", Map.of("mode", "down", "remainingCalls", 2));
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        assertThat(set.json().get("provider").asString()).isEqualTo("push");

        HttpTestClient.Reply down = http.postJson(MESSAGES, message(token, "lost"), PUSH_KEY);
        assertProblem(down, 503, "provider_unavailable");
        assertThat(down.header("Retry-After")).isEqualTo("1");
        assertProblem(http.postJson(MESSAGES, message(token, "lost"), Map.of()), 503, "provider_unavailable");
        assertThat(registerDevice("web")).as("the sandbox's own paths are never affected").isNotBlank();
        assertThat(http.get("/sandbox/push?token=" + token).json()).isEmpty();

        assertThat(http.postJson(MESSAGES, message(token, "after the outage"), PUSH_KEY).status()).isEqualTo(200);
        assertThat(titles("/sandbox/push?token=" + token)).containsExactly("after the outage");
    }

    @Test
    void aSlowPushProviderDeliversAfterTheDelay() {
        String token = registerDevice("ios");
        http.putJson("/sandbox/faults/push", Map.of("mode", "slow", "delayMillis", 400, "remainingCalls", 1));
        long started = System.nanoTime();
        HttpTestClient.Reply slow = http.postJson(MESSAGES, message(token, "late"), PUSH_KEY);
        assertThat(slow.status()).as(slow.text()).isEqualTo(200);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(400);
        assertThat(titles("/sandbox/push?token=" + token)).containsExactly("late");
    }

    @Test
    void theHomePageShowsPushMessagesEscapedAndTheApiIsDocumented() {
        String token = registerDevice("android");
        http.postJson(MESSAGES, Map.of("token", token, "title", "<script>alert(1)</script>", "body", "Pago recibido",
                "data", Map.of("screen", "<b>movements</b>")), PUSH_KEY);
        String page = http.get("/").text();
        assertThat(page).contains("Push notifications").contains(token).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;b&gt;movements&lt;/b&gt;").doesNotContain("<script>");

        JsonNode paths = http.get("/v3/api-docs").json().get("paths");
        assertThat(paths.has("/push/v1/messages")).isTrue();
        assertThat(paths.has("/sandbox/push/devices")).isTrue();
        assertThat(paths.has("/sandbox/push/devices/{token}")).isTrue();
        assertThat(paths.has("/sandbox/push")).isTrue();
    }

    private HttpTestClient.Reply send(String token, Map<String, Object> data) {
        return http.postJson(MESSAGES, Map.of("token", token, "title", "t", "body", "b", "data", data), PUSH_KEY);
    }

    private List<String> titles(String path) {
        HttpTestClient.Reply reply = http.get(path);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        reply.json().forEach(message -> titles.add(message.get("title").asString()));
        return titles;
    }
}

package io.quipu.audit.api;

import static io.quipu.platform.test.ProblemAssertions.assertFieldError;
import static io.quipu.platform.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.quipu.audit.domain.HashChain;
import io.quipu.audit.store.AnchorFile;
import io.quipu.audit.store.WriterTransactions;
import io.quipu.contracts.events.Topics;
import io.quipu.platform.events.CloudEventCodec;
import io.quipu.platform.test.EmbeddedInfrastructure;
import io.quipu.platform.test.TestHttp;
import io.quipu.platform.test.TestInfrastructure;
import io.quipu.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit service with real PostgreSQL and Kafka: events published to the platform's topics as the outbox publishes
 * them are recorded once, in a verifying chain; tampering as a superuser is detected; the service's own role cannot
 * change the log. Tests share one log, so each uses aggregate ids and types of its own, and a test that tampers with a
 * row puts it back.
 */
@EmbeddedInfrastructure(database = "audit")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"quipu.audit.anchor-cron=-", "quipu.audit.verify-batch-size=3"})
class AuditApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String AUDITOR = TestTokens.get().staff("demo.auditor", "audit", List.of("auditor"), "audit:read");
    static final String ADMIN = TestTokens.get().staff("demo.admin", "audit", List.of("admin"), "audit:read");
    static final String ANALYST = TestTokens.get().staff("demo.analyst", "audit", List.of("analyst"), "audit:read");
    static final String CUSTOMER = TestTokens.get().customer(UUID.randomUUID(), "audit", "audit:read");
    static final long WAIT_MILLIS = 30_000;
    static final Path ANCHOR_DIRECTORY = createAnchorDirectory();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient superuser; // the test's DataSource connects as the PostgreSQL superuser, with no SET ROLE
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    CloudEventCodec codec;
    @Autowired
    WriterTransactions writerTransactions;

    @DynamicPropertySource
    static void anchorDirectory(DynamicPropertyRegistry registry) {
        registry.add("quipu.audit.anchor-directory", ANCHOR_DIRECTORY::toString);
    }

    @BeforeAll
    static void topics() {
        TestInfrastructure.get().kafka().createTopics(Topics.partitionsWithDeadLetters());
    }

    static Path createAnchorDirectory() {
        try {
            return Files.createTempDirectory("quipu-audit-anchors-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    TestHttp as(String token) {
        return new TestHttp(port, token);
    }

    // --- recording and the chain --------------------------------------------------------------------------------------

    @Test
    void eventsOfSeveralTopicsAreRecordedInOrderAndTheChainVerifies() {
        String aggregate = UUID.randomUUID().toString();
        List<String> transferIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            transferIds.add(publish(Topics.TRANSFERS, aggregate, "io.quipu.ledger.transfer.posted", Map.of("step", i)).getId());
        }
        String paymentId = publish(Topics.PAYMENTS, aggregate, "io.quipu.payments.payment.completed", Map.of("ok", true)).getId();
        String loginId = publish(Topics.AUTH_EVENTS, aggregate, "io.quipu.identity.login.succeeded", Map.of("ok", true)).getId();
        String auditLogId = publish(Topics.AUDIT_LOGS, aggregate, "io.quipu.customers.record.viewed", Map.of("ok", true)).getId();

        JsonNode items = awaitEvents("aggregateId=" + aggregate, 6).get("items");
        Map<String, JsonNode> byEventId = new java.util.HashMap<>();
        items.forEach(item -> byEventId.put(item.get("eventId").asString(), item));
        assertThat(byEventId.keySet()).containsExactlyInAnyOrder(transferIds.get(0), transferIds.get(1), transferIds.get(2),
                paymentId, loginId, auditLogId);
        // One aggregate's events of one topic stay in the order they were published; newest first in the answer.
        long first = byEventId.get(transferIds.get(0)).get("sequence").asLong();
        long second = byEventId.get(transferIds.get(1)).get("sequence").asLong();
        long third = byEventId.get(transferIds.get(2)).get("sequence").asLong();
        assertThat(first).isLessThan(second);
        assertThat(second).isLessThan(third);
        List<Long> sequences = new ArrayList<>();
        items.forEach(item -> sequences.add(item.get("sequence").asLong()));
        assertThat(sequences).isSortedAccordingTo((a, b) -> Long.compare(b, a));

        JsonNode payment = byEventId.get(paymentId);
        assertThat(payment.get("topic").asString()).isEqualTo(Topics.PAYMENTS);
        assertThat(payment.get("type").asString()).isEqualTo("io.quipu.payments.payment.completed");
        assertThat(payment.get("aggregateKey").asString()).isEqualTo(aggregate);
        assertThat(payment.get("subject").asString()).isEqualTo(aggregate);
        assertThat(payment.get("source").asString()).isEqualTo("urn:quipu:audit");
        assertThat(payment.get("occurredAt").isNull()).isFalse();
        assertThat(payment.get("recordedAt").isNull()).isFalse();
        assertThat(payment.get("content").get("id").asString()).isEqualTo(paymentId);
        assertThat(payment.get("content").get("data").get("ok").asBoolean()).isTrue();
        items.forEach(item -> assertThat(item.get("hash").asString()).isEqualTo(HashChain.link(item.get("sequence").asLong(),
                item.get("contentSha256").asString(), item.get("previousHash").asString())));

        JsonNode report = verify();
        assertThat(report.get("valid").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("lastSequence").asLong()).isGreaterThanOrEqualTo(third);
        assertThat(report.get("verifiedEvents").asLong()).isEqualTo(report.get("lastSequence").asLong());
        assertThat(report.has("reason")).isFalse();
        long chainLength = superuser.sql("select count(*) from audit_events").query(Long.class).single();
        assertThat(report.get("verifiedEvents").asLong()).isLessThanOrEqualTo(chainLength);
        assertThat(superuser.sql("select previous_hash from audit_events where sequence = 1").query(String.class).single())
                .isEqualTo(HashChain.GENESIS_HASH);
    }

    @Test
    void aRedeliveredEventIsRecordedOnce() {
        String aggregate = UUID.randomUUID().toString();
        CloudEvent event = codec.create(UUID.randomUUID(), "io.quipu.ledger.transfer.posted", aggregate, Map.of("n", 1), null);
        byte[] bytes = codec.serialize(event);
        send(Topics.TRANSFERS, aggregate, bytes);
        awaitEvents("aggregateId=" + aggregate, 1);
        send(Topics.TRANSFERS, aggregate, bytes); // the outbox sending again after a crash: same id, a new offset
        // Same key, same partition: once the marker is recorded, the duplicate before it was consumed.
        String marker = publish(Topics.TRANSFERS, aggregate, "io.quipu.test.marker", Map.of("n", 2)).getId();
        JsonNode items = awaitEvents("aggregateId=" + aggregate, 2).get("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("eventId").asString()).isEqualTo(marker);
        assertThat(items.get(1).get("eventId").asString()).isEqualTo(event.getId());
        assertThat(superuser.sql("select count(*) from audit_events where event_id = :id").param("id", event.getId())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRecordThatIsNotACloudEventIsKeptWithItsBytesHashed() {
        String aggregate = UUID.randomUUID().toString();
        byte[] garbage = "this is not a CloudEvent {".getBytes(StandardCharsets.UTF_8);
        send(Topics.CUSTOMERS, aggregate, garbage);
        JsonNode item = awaitEvents("aggregateId=" + aggregate, 1).get("items").get(0);
        assertThat(item.get("type").asString()).isEqualTo("unparseable");
        assertThat(item.get("eventId").asString()).startsWith("unparseable:customers:");
        assertThat(item.get("content").isNull()).isTrue();
        assertThat(Base64.getDecoder().decode(item.get("contentBase64").asString())).isEqualTo(garbage);
        assertThat(item.get("contentSha256").asString()).isEqualTo(HashChain.contentSha256(garbage));
        assertThat(verify().get("valid").asBoolean()).isTrue();
        assertThat(as(AUDITOR).get("/audit/events?type=unparseable&limit=100").body()).contains(item.get("eventId").asString());
    }

    // --- search -------------------------------------------------------------------------------------------------------

    @Test
    void searchesByTypeAndEventTimeAndPagesNewestFirst() {
        String aggregate = UUID.randomUUID().toString();
        String type = "io.quipu.test.searched." + UUID.randomUUID();
        OffsetDateTime day = OffsetDateTime.of(2020, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            CloudEvent event = CloudEventBuilder.v1(codec.create(UUID.randomUUID(), type, aggregate, Map.of("day", i), null))
                    .withTime(day.plusDays(i)).build();
            send(Topics.LOANS, aggregate, codec.serialize(event));
            ids.add(event.getId());
        }
        awaitEvents("aggregateId=" + aggregate, 3);

        JsonNode byType = json(as(AUDITOR).get("/audit/events?type=" + encode(type)));
        assertThat(eventIds(byType)).containsExactly(ids.get(2), ids.get(1), ids.get(0));

        JsonNode secondDay = json(as(AUDITOR).get("/audit/events?aggregateId=" + aggregate
                + "&from=" + encode("2020-01-02T00:00:00Z") + "&to=" + encode("2020-01-02T08:00:00-05:00")));
        assertThat(eventIds(secondDay)).containsExactly(ids.get(1));
        JsonNode fromSecondDay = json(as(AUDITOR).get("/audit/events?type=" + encode(type) + "&from=" + encode("2020-01-02T12:00:00Z")));
        assertThat(eventIds(fromSecondDay)).containsExactly(ids.get(2), ids.get(1));
        JsonNode beforeSecondDay = json(as(AUDITOR).get("/audit/events?type=" + encode(type) + "&to=" + encode("2020-01-02T12:00:00Z")));
        assertThat(eventIds(beforeSecondDay)).containsExactly(ids.get(0));

        JsonNode firstPage = json(as(AUDITOR).get("/audit/events?type=" + encode(type) + "&limit=2"));
        assertThat(eventIds(firstPage)).containsExactly(ids.get(2), ids.get(1));
        String cursor = firstPage.get("nextCursor").asString();
        JsonNode lastPage = json(as(AUDITOR).get("/audit/events?type=" + encode(type) + "&limit=2&cursor=" + cursor));
        assertThat(eventIds(lastPage)).containsExactly(ids.get(0));
        assertThat(lastPage.get("nextCursor").isNull()).isTrue();
        assertThat(eventIds(json(as(AUDITOR).get("/audit/events?type=nothing." + UUID.randomUUID())))).isEmpty();
    }

    @Test
    void badInputIsAProblemNotAnError() {
        assertFieldError(as(AUDITOR).get("/audit/events?limit=1000"), "limit");
        assertFieldError(as(AUDITOR).get("/audit/events?limit=0"), "limit");
        assertFieldError(as(AUDITOR).get("/audit/events?from=yesterday"), "from");
        assertFieldError(as(AUDITOR).get("/audit/events?to=2026-13-45T00:00:00Z"), "to");
        assertFieldError(as(AUDITOR).get("/audit/events?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z"), "from");
        assertFieldError(as(AUDITOR).get("/audit/events?cursor=%21%21%21"), "cursor");
        assertFieldError(as(AUDITOR).get("/audit/events?cursor="
                + Base64.getUrlEncoder().withoutPadding().encodeToString("hello".getBytes(StandardCharsets.UTF_8))), "cursor");
        assertFieldError(as(AUDITOR).get("/audit/events?cursor="
                + Base64.getUrlEncoder().withoutPadding().encodeToString("before:-5".getBytes(StandardCharsets.UTF_8))), "cursor");
        assertFieldError(as(AUDITOR).get("/audit/events?type=" + "x".repeat(201)), "type");
        assertFieldError(as(AUDITOR).get("/audit/anchors?limit=1000"), "limit");
        HttpResponse<String> notANumber = as(AUDITOR).get("/audit/events?limit=many");
        assertThat(notANumber.statusCode()).as(notANumber.body()).isEqualTo(400);
        assertThat(notANumber.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    // --- who may call what --------------------------------------------------------------------------------------------

    @Test
    void onlyAuditorsAndAdministratorsReadTheLog() {
        for (String path : List.of("/audit/events", "/audit/verify", "/audit/anchors")) {
            assertProblem(as(null).get(path), 401, "unauthenticated");
            assertProblem(as(CUSTOMER).get(path), 403, "forbidden");
            assertProblem(as(ANALYST).get(path), 403, "forbidden");
            assertThat(as(AUDITOR).get(path).statusCode()).isEqualTo(200);
            assertThat(as(ADMIN).get(path).statusCode()).isEqualTo(200);
        }
        String otherAudience = TestTokens.get().staff("demo.auditor", "fraud", List.of("auditor"), "audit:read");
        assertProblem(as(otherAudience).get("/audit/events"), 401, "unauthenticated");
        String customerWithRole = TestTokens.get().custom(Map.of("iss", TestTokens.ISSUER, "aud", "audit",
                "sub", "x", "customer_id", UUID.randomUUID().toString(), "roles", List.of("auditor"),
                "exp", Instant.now().plusSeconds(600).getEpochSecond()), false);
        assertProblem(as(customerWithRole).get("/audit/events"), 403, "forbidden");
        assertProblem(as(AUDITOR).post("/audit/anchors", "{}"), 403, "forbidden");
        assertProblem(as(CUSTOMER).post("/audit/anchors", "{}"), 403, "forbidden");
        assertProblem(as(AUDITOR).post("/audit/other", "{}"), 403, "forbidden");
    }

    // --- tamper evidence ----------------------------------------------------------------------------------------------

    @Test
    void theServiceRoleCannotChangeOrRemoveRecordedEvents() {
        String aggregate = UUID.randomUUID().toString();
        publish(Topics.NOTIFICATIONS, aggregate, "io.quipu.test.granted", Map.of("n", 1));
        long sequence = awaitEvents("aggregateId=" + aggregate, 1).get("items").get(0).get("sequence").asLong();

        for (String statement : List.of(
                "update audit_events set type = 'forged' where sequence = " + sequence,
                "update audit_events set content = convert_to('{}', 'UTF8') where sequence = " + sequence,
                "delete from audit_events where sequence = " + sequence,
                "delete from audit_events",
                "truncate audit_events",
                "update audit_anchors set last_hash = repeat('f', 64)",
                "delete from audit_anchors")) {
            assertThatThrownBy(() -> asWriter(statement)).as(statement)
                    .isInstanceOf(DataAccessException.class)
                    .hasStackTraceContaining("permission denied");
        }
        assertThat(superuser.sql("select count(*) from audit_events where sequence = :sequence").param("sequence", sequence)
                .query(Long.class).single()).isEqualTo(1);
        // What the role may do: read (and, through the service, insert).
        String readAsWriter = new TransactionTemplate(transactionManager).execute(status -> {
            superuser.sql("set local role audit_writer").update();
            return superuser.sql("select type from audit_events where sequence = :sequence").param("sequence", sequence)
                    .query(String.class).single();
        });
        assertThat(readAsWriter).isEqualTo("io.quipu.test.granted");
        for (String privilege : List.of("UPDATE", "DELETE", "TRUNCATE")) {
            assertThat(superuser.sql("select has_table_privilege('audit_writer', 'audit_events', :privilege)")
                    .param("privilege", privilege).query(Boolean.class).single()).as(privilege).isFalse();
        }
        for (String privilege : List.of("INSERT", "SELECT")) {
            assertThat(superuser.sql("select has_table_privilege('audit_writer', 'audit_events', :privilege)")
                    .param("privilege", privilege).query(Boolean.class).single()).as(privilege).isTrue();
        }
        // And the service's own transactions run as that role, reads included.
        assertThat(writerTransactions.write(() -> superuser.sql("select current_user").query(String.class).single()))
                .isEqualTo("audit_writer");
        assertThat(writerTransactions.read(() -> superuser.sql("select current_user").query(String.class).single()))
                .isEqualTo("audit_writer");
        assertThatThrownBy(() -> writerTransactions.write(() -> superuser.sql("delete from audit_events where sequence = :s")
                .param("s", sequence).update()))
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("permission denied");
        assertThat(superuser.sql("select current_user").query(String.class).single()).isNotEqualTo("audit_writer");
        assertThat(verify().get("valid").asBoolean()).isTrue();
    }

    @Test
    void aDeletedRowIsReportedAsASequenceGap() {
        String aggregate = UUID.randomUUID().toString();
        publish(Topics.CUSTOMERS, aggregate, "io.quipu.test.deleted", Map.of("n", 1));
        publish(Topics.CUSTOMERS, aggregate, "io.quipu.test.kept", Map.of("n", 2));
        // The older one: a deleted last row leaves a shorter chain that verifies, which only an anchor reveals.
        long sequence = awaitEvents("aggregateId=" + aggregate, 2).get("items").get(1).get("sequence").asLong();
        superuser.sql("create table deleted_audit_row as select * from audit_events where sequence = :s").param("s", sequence)
                .update();
        try {
            superuser.sql("delete from audit_events where sequence = :s").param("s", sequence).update();
            JsonNode report = verify();
            assertThat(report.get("valid").asBoolean()).as(report.toString()).isFalse();
            assertThat(report.get("reason").asString()).isEqualTo("sequence_gap");
            assertThat(report.get("firstBrokenSequence").asLong()).isEqualTo(sequence);
        } finally {
            superuser.sql("insert into audit_events select * from deleted_audit_row on conflict do nothing").update();
            superuser.sql("drop table deleted_audit_row").update();
        }
        assertThat(verify().get("valid").asBoolean()).isTrue();
    }

    @Test
    void aRowTamperedWithAsASuperuserIsReportedAtItsSequence() {
        String aggregate = UUID.randomUUID().toString();
        publish(Topics.PAYMENTS, aggregate, "io.quipu.test.tampered", Map.of("amount", "10.00"));
        long sequence = awaitEvents("aggregateId=" + aggregate, 1).get("items").get(0).get("sequence").asLong();
        byte[] original = superuser.sql("select content from audit_events where sequence = :sequence")
                .param("sequence", sequence).query(byte[].class).single();
        String originalSha256 = HashChain.contentSha256(original);
        byte[] forged = new String(original, StandardCharsets.UTF_8).replace("10.00", "99.00").getBytes(StandardCharsets.UTF_8);
        try {
            superuser.sql("update audit_events set content = :content where sequence = :sequence")
                    .param("content", forged).param("sequence", sequence).update();
            JsonNode report = verify();
            assertThat(report.get("valid").asBoolean()).as(report.toString()).isFalse();
            assertThat(report.get("firstBrokenSequence").asLong()).isEqualTo(sequence);
            assertThat(report.get("reason").asString()).isEqualTo("content_hash_mismatch");
            assertThat(report.get("verifiedEvents").asLong()).isEqualTo(sequence - 1);

            // A more careful forger fixes the content hash too: the link no longer follows.
            superuser.sql("update audit_events set content_sha256 = :sha where sequence = :sequence")
                    .param("sha", HashChain.contentSha256(forged)).param("sequence", sequence).update();
            report = verify();
            assertThat(report.get("firstBrokenSequence").asLong()).isEqualTo(sequence);
            assertThat(report.get("reason").asString()).isEqualTo("chain_broken");
        } finally {
            superuser.sql("update audit_events set content = :content, content_sha256 = :sha where sequence = :sequence")
                    .param("content", original).param("sha", originalSha256).param("sequence", sequence).update();
        }
        assertThat(verify().get("valid").asBoolean()).isTrue();
    }

    @Test
    void anchorsAreWrittenToTheTableAndTheFileAndDetectARewrittenHistory() throws Exception {
        String aggregate = UUID.randomUUID().toString();
        publish(Topics.AUDIT_LOGS, aggregate, "io.quipu.test.anchored", Map.of("n", 1));
        awaitEvents("aggregateId=" + aggregate, 1);

        HttpResponse<String> created = as(ADMIN).post("/audit/anchors", "{}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode anchor = json(created);
        long head = anchor.get("lastSequence").asLong();
        assertThat(head).isEqualTo(json(as(AUDITOR).get("/audit/verify")).get("lastSequence").asLong());
        assertThat(anchor.get("eventCount").asLong()).isEqualTo(head);
        assertThat(anchor.get("lastHash").asString()).isEqualTo(superuser.sql("select hash from audit_events where sequence = :s")
                .param("s", head).query(String.class).single());
        assertThat(anchor.get("anchoredOn").asString()).isEqualTo(java.time.LocalDate.now(ZoneOffset.UTC).toString());

        JsonNode listed = json(as(AUDITOR).get("/audit/anchors?limit=1"));
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("id").asString()).isEqualTo(anchor.get("id").asString());

        List<String> lines = Files.readAllLines(ANCHOR_DIRECTORY.resolve(AnchorFile.FILE_NAME));
        JsonNode exported = JSON.readTree(lines.get(lines.size() - 1));
        assertThat(exported.get("id").asString()).isEqualTo(anchor.get("id").asString());
        assertThat(exported.get("lastSequence").asLong()).isEqualTo(head);
        assertThat(exported.get("lastHash").asString()).isEqualTo(anchor.get("lastHash").asString());
        assertThat(exported.get("eventCount").asLong()).isEqualTo(head);
        assertThat(verify().get("valid").asBoolean()).isTrue();

        // History rewritten consistently (content, its hash and the link): the chain alone verifies, the anchor does not.
        Map<String, Object> original = superuser.sql("select content, content_sha256, hash from audit_events where sequence = :s")
                .param("s", head).query().singleRow();
        String previousHash = superuser.sql("select previous_hash from audit_events where sequence = :s").param("s", head)
                .query(String.class).single();
        byte[] forged = "{\"forged\":true}".getBytes(StandardCharsets.UTF_8);
        String forgedSha256 = HashChain.contentSha256(forged);
        try {
            superuser.sql("update audit_events set content = :content, content_sha256 = :sha, hash = :hash where sequence = :s")
                    .param("content", forged).param("sha", forgedSha256)
                    .param("hash", HashChain.link(head, forgedSha256, previousHash)).param("s", head).update();
            JsonNode report = verify();
            assertThat(report.get("valid").asBoolean()).as(report.toString()).isFalse();
            assertThat(report.get("reason").asString()).isEqualTo("anchor_mismatch");
            assertThat(report.get("firstBrokenSequence").asLong()).isEqualTo(head);
        } finally {
            superuser.sql("update audit_events set content = :content, content_sha256 = :sha, hash = :hash where sequence = :s")
                    .param("content", original.get("content")).param("sha", original.get("content_sha256"))
                    .param("hash", original.get("hash")).param("s", head).update();
        }
        assertThat(verify().get("valid").asBoolean()).isTrue();
    }

    // --- helpers ------------------------------------------------------------------------------------------------------

    CloudEvent publish(String topic, String key, String type, Object data) {
        CloudEvent event = codec.create(UUID.randomUUID(), type, key, data, null);
        send(topic, key, codec.serialize(event));
        return event;
    }

    void send(String topic, String key, byte[] value) {
        try {
            kafka.send(topic, key, value).get(); // as the outbox relay does: a CloudEvent JSON, keyed by the aggregate id
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    void asWriter(String statement) {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            superuser.sql("set local role audit_writer").update();
            superuser.sql(statement).update();
        });
    }

    JsonNode verify() {
        HttpResponse<String> response = as(AUDITOR).get("/audit/verify");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** Polls the search until it answers at least {@code count} events. */
    JsonNode awaitEvents(String query, int count) {
        return await(() -> json(as(AUDITOR).get("/audit/events?limit=100&" + query)),
                page -> page.get("items").size() >= count, "events " + query);
    }

    static <T> T await(java.util.function.Supplier<T> poll, Predicate<T> done, String what) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        T last = poll.get();
        while (!done.test(last)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("not in time: " + what + "; last: " + last);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            last = poll.get();
        }
        return last;
    }

    static List<String> eventIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("eventId").asString()));
        return ids;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}

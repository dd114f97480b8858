package io.quipu.notifications.api;

import static io.quipu.platform.test.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.cloudevents.CloudEvent;
import io.quipu.contracts.events.Topics;
import io.quipu.contracts.identity.AuthEvent;
import io.quipu.contracts.identity.IdentityContracts;
import io.quipu.contracts.ledger.LedgerContracts;
import io.quipu.contracts.ledger.TransferEvent;
import io.quipu.contracts.payments.PaymentEvent;
import io.quipu.contracts.payments.PaymentsContracts;
import io.quipu.platform.events.CloudEventCodec;
import io.quipu.platform.money.Money;
import io.quipu.platform.test.EmbeddedInfrastructure;
import io.quipu.platform.test.ServiceProcess;
import io.quipu.platform.test.TestHttp;
import io.quipu.platform.test.TestInfrastructure;
import io.quipu.platform.test.TestTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The notifications service with real PostgreSQL and Kafka, a real SMTP server, and the real sandbox's SMS and push
 * providers over HTTP; only the customers service (contact details and language) is a stand-in. Events are published
 * to the platform's topics exactly as their producers publish them (CloudEvents through the outbox or the ledger's
 * publisher). Each test uses customers of its own.
 */
@EmbeddedInfrastructure(database = "notifications")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.security.oauth2.client.registration.notifications.client-secret=secret",
        "quipu.notifications.retries.email.max-attempts=10",
        "quipu.notifications.retries.email.first-wait=300ms",
        "quipu.notifications.retries.email.backoff=linear",
        "quipu.notifications.retries.sms.first-wait=300ms",
        "quipu.notifications.retries.push.first-wait=300ms",
        "quipu.notifications.recipients.unavailable-retry-wait=300ms",
        "quipu.notifications.email.circuit-breaker.open-duration=1s",
        "quipu.notifications.dispatch.idle-poll=200ms"})
class NotificationsFlowTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ServiceProcess SANDBOX = ServiceProcess.start("sandbox", "sandbox", "quipu-sandbox", null,
            Map.of("QUIPU_SANDBOX_SMTPPORT", "0"));
    static final CustomersStandIn CUSTOMERS = new CustomersStandIn();
    static final Mailbox MAIL = new Mailbox();
    static final Duration WAIT = Duration.ofSeconds(30);
    static final AtomicLong PHONES = new AtomicLong(System.nanoTime() % 10_000_000);

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    CloudEventCodec codec;

    @DynamicPropertySource
    static void outside(DynamicPropertyRegistry registry) {
        registry.add("quipu.services.customers.url", CUSTOMERS::url);
        registry.add("quipu.services.sandbox.url", SANDBOX::baseUrl);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", MAIL::port);
        registry.add("spring.security.oauth2.client.provider.quipu.token-uri", () -> TestTokens.get().tokenUri());
    }

    @BeforeAll
    static void topics() {
        TestInfrastructure.get().kafka().createTopics(Topics.partitionsWithDeadLetters());
    }

    @AfterEach
    void everythingBackUp() {
        MAIL.start();
        CUSTOMERS.customersDown.set(false);
    }

    @AfterAll
    static void stop() {
        MAIL.close();
        SANDBOX.close();
    }

    // --- who is told what, where ----------------------------------------------------------------------------------------

    @Test
    void aPostedTransferReachesItsCustomerByEmailAndLiveAndNobodyElse() throws Exception {
        Customer ana = customer("Ana", "es");
        Customer luis = customer("Luis", "es");
        UUID account = UUID.randomUUID();
        try (SseReader anaStream = new SseReader(port, ana.token()); SseReader luisStream = new SseReader(port, luis.token())) {
            assertThat(anaStream.status).isEqualTo(200);
            assertThat(anaStream.contentType).startsWith("text/event-stream");
            assertThat(anaStream.nextComment(WAIT)).isEqualTo("connected");
            assertThat(luisStream.nextComment(WAIT)).isEqualTo("connected");

            // A hold is not news to the customer: only what is posted is.
            publishTransfer("pending", ana.id(), account, "credit", 50_00, 0);
            long published = System.nanoTime();
            publishTransfer("posted", ana.id(), account, "credit", 1_250_00, 10_000_50);

            JsonNode live = JSON.readTree(anaStream.nextData(WAIT));
            System.out.printf("live notification %d ms after the event was published%n",
                    Duration.ofNanos(System.nanoTime() - published).toMillis());
            assertThat(live.get("kind").asString()).isEqualTo("money_received");
            assertThat(live.get("title").asString()).isEqualTo("Recibiste S/ 1,250.00");
            assertThat(live.get("amount").get("amount").asString()).isEqualTo("1250.00");
            assertThat(live.get("balanceAfter").get("amount").asString()).isEqualTo("10000.50");
            assertThat(live.get("accountId").asString()).isEqualTo(account.toString());
            assertThat(live.get("account").asString()).isEqualTo("****" + accountNumber(account).substring(10));

            List<Mailbox.Mail> mails = awaitMails(ana.email(), 1);
            assertThat(mails.get(0).subject()).isEqualTo("Recibiste S/ 1,250.00");
            assertThat(mails.get(0).body()).contains("Hola Ana:", "en tu cuenta ****" + accountNumber(account).substring(10),
                    "Saldo disponible: S/ 10,000.50").doesNotContain(accountNumber(account));

            // Luis hears nothing of it, live or otherwise.
            assertThat(luisStream.nextData(Duration.ofSeconds(1))).isNull();
        }
        assertThat(inbox(luis).get("items")).isEmpty();
        JsonNode item = awaitInbox(ana, 1, deliveries -> deliveries.size() == 3 && deliveries.stream()
                .noneMatch(delivery -> delivery.get("status").asString().matches("queued|retrying"))).get(0);
        assertThat(item.get("kind").asString()).isEqualTo("money_received");
        assertThat(statuses(item)).containsEntry("web", "sent").containsEntry("email", "sent")
                .containsEntry("push", "skipped"); // no device registered
        assertThat(MAIL.to(luis.email())).isEmpty();
    }

    @Test
    void aRedeliveredEventSendsNothingTwice() throws Exception {
        Customer carmen = customer("Carmen", "es");
        // History recorded after the fact (taken over from another core) is not news: it comes first and is not told.
        CloudEvent history = transferEvent("posted", carmen.id(), UUID.randomUUID(), "credit", 900_00, 900_00,
                LedgerContracts.HISTORICAL_CODE_PREFIX + "cash_deposit");
        send(Topics.TRANSFERS, history.getSubject(), codec.serialize(history));
        CloudEvent event = transferEvent("posted", carmen.id(), UUID.randomUUID(), "debit", 80_00, 20_00);
        byte[] bytes = codec.serialize(event);
        send(Topics.TRANSFERS, event.getSubject(), bytes);
        send(Topics.TRANSFERS, event.getSubject(), bytes); // Kafka's at-least-once: the same event again

        awaitMails(carmen.email(), 1);
        awaitInbox(carmen, 1, deliveries -> true);
        Thread.sleep(1_500); // ample time for a second e-mail, were there one
        assertThat(MAIL.to(carmen.email())).hasSize(1);
        assertThat(inbox(carmen).get("items")).hasSize(1);
        assertThat(MAIL.to(carmen.email()).get(0).subject()).isEqualTo("Enviaste S/ 80.00");
    }

    @Test
    void anEmailIsRetriedWhileTheMailServerIsDownAndDeliveredWhenItIsBack() {
        Customer jorge = customer("Jorge", "es");
        MAIL.stop();
        publishTransfer("posted", jorge.id(), UUID.randomUUID(), "credit", 300_00, 300_00);

        JsonNode failing = awaitEmailDelivery(jorge, delivery -> delivery.get("status").asString().equals("retrying")
                && delivery.get("attempts").asInt() >= 2);
        assertThat(failing.get("lastError").asString()).startsWith("email_");
        assertThat(failing.get("nextAttemptAt").isNull()).isFalse();
        assertThat(MAIL.to(jorge.email())).isEmpty();

        MAIL.start();
        List<Mailbox.Mail> mails = awaitMails(jorge.email(), 1);
        assertThat(mails.get(0).subject()).isEqualTo("Recibiste S/ 300.00");
        JsonNode sent = awaitEmailDelivery(jorge, delivery -> delivery.get("status").asString().equals("sent"));
        assertThat(sent.get("attempts").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(MAIL.to(jorge.email())).hasSize(1);
    }

    @Test
    void whileTheCustomersServiceIsDownTheMessageWaitsWithoutSpendingItsTries() {
        Customer rosa = customer("Rosa", "es");
        CUSTOMERS.customersDown.set(true);
        publishTransfer("posted", rosa.id(), UUID.randomUUID(), "credit", 15_00, 15_00);

        JsonNode waiting = awaitEmailDelivery(rosa, delivery -> delivery.get("lastError").asString("")
                .startsWith("customers_unavailable"));
        assertThat(waiting.get("status").asString()).isEqualTo("retrying");
        assertThat(waiting.get("attempts").asInt()).isZero();

        CUSTOMERS.customersDown.set(false);
        assertThat(awaitMails(rosa.email(), 1).get(0).subject()).isEqualTo("Recibiste S/ 15.00");
    }

    @Test
    void aLockoutIsToldBySmsAndEmailInTheCustomersLanguage() {
        Customer emma = customer("Emma", "en");
        Instant lockedUntil = Instant.parse("2026-03-01T15:30:00Z");
        publish(Topics.AUTH_EVENTS, emma.id().toString(), IdentityContracts.ACCOUNT_LOCKED, new AuthEvent(UUID.randomUUID(),
                "customer", emma.id(), null, "wrong_password", 5, lockedUntil, "190.42.1.7", Instant.now()));

        JsonNode sms = await().atMost(WAIT).until(() -> smsTo(emma.phone()), list -> list.size() == 1).get(0);
        assertThat(sms.get("text").asString()).isEqualTo(
                "Quipu: we locked your access after failed attempts until 01/03/2026 10:30 (Lima time). If it was not you, call us.");
        assertThat(awaitMails(emma.email(), 1).get(0).subject()).isEqualTo("We locked access to your online banking");
        // Staff are not customers of this service: their lockouts are for the security team, not for a message here.
        publish(Topics.AUTH_EVENTS, "staff", IdentityContracts.ACCOUNT_LOCKED, new AuthEvent(UUID.randomUUID(), "staff", null,
                null, "wrong_password", 5, lockedUntil, "10.0.0.1", Instant.now()));
    }

    @Test
    void aLoginFromANewNetworkIsToldButNotTheFirstLoginNorAKnownNetwork() throws Exception {
        Customer nora = customer("Nora", "en");
        UUID userId = UUID.randomUUID();
        for (String address : List.of("190.42.1.7", "190.42.200.9", "2800:200:e840:12::1")) {
            publish(Topics.AUTH_EVENTS, userId.toString(), IdentityContracts.LOGIN_SUCCEEDED, new AuthEvent(userId, "customer",
                    nora.id(), UUID.randomUUID(), null, 0, null, address, Instant.now()));
        }
        Mailbox.Mail mail = awaitMails(nora.email(), 1).get(0);
        assertThat(mail.subject()).isEqualTo("New login to your online banking");
        assertThat(mail.body()).contains("from a network you had not used before (2800:200:*)").doesNotContain("e840", "190.42");
        Thread.sleep(1_500); // ample time for a message about the first login or the known network, were there one
        assertThat(inbox(nora).get("items")).hasSize(1);
        assertThat(inbox(nora).get("items").get(0).get("kind").asString()).isEqualTo("new_login_source");
    }

    @Test
    void aFailedPaymentNamesTheMaskedPayeeAndTheReason() {
        Customer pedro = customer("Pedro", "en");
        publish(Topics.PAYMENTS, UUID.randomUUID().toString(), PaymentsContracts.FAILED, new PaymentEvent(UUID.randomUUID(),
                pedro.id(), "interbank", "failed", UUID.randomUUID(), Money.ofMinor(2_500_00, "USD"), "CCI:****1234",
                "beneficiary_account_closed", Instant.now()));
        Mailbox.Mail mail = awaitMails(pedro.email(), 1).get(0);
        assertThat(mail.subject()).isEqualTo("Your payment did not go through");
        assertThat(mail.body()).contains("Your payment of US$ 2,500.00 to ****1234 could not be completed "
                + "(reason: beneficiary_account_closed). The money did not leave your account.");
    }

    @Test
    void pushGoesToTheCustomersDevicesAndAnUninstalledAppIsForgotten() {
        Customer sofia = customer("Sofía", "es");
        TestHttp asSofia = new TestHttp(port, sofia.token());
        String phoneToken = sandboxDevice("android");
        String oldTabletToken = sandboxDevice("ios");
        HttpResponse<String> phone = asSofia.post("/notifications/devices",
                "{\"token\":\"" + phoneToken + "\",\"platform\":\"android\",\"label\":\"Mi celular\"}");
        assertThat(phone.statusCode()).as(phone.body()).isEqualTo(201);
        assertThat(phone.body()).doesNotContain(phoneToken); // the provider's token stays in the service
        // The app registers its token again at every start: still one device.
        assertThat(asSofia.post("/notifications/devices", "{\"token\":\"" + phoneToken + "\",\"platform\":\"android\"}")
                .statusCode()).isEqualTo(201);
        assertThat(asSofia.post("/notifications/devices", "{\"token\":\"" + oldTabletToken + "\",\"platform\":\"ios\"}")
                .statusCode()).isEqualTo(201);
        assertThat(json(asSofia.get("/notifications/devices"))).hasSize(2);
        // The tablet's app was removed: the provider no longer knows its token.
        assertThat(sandbox().send(sandbox().builder("/sandbox/push/devices/" + oldTabletToken).DELETE().build()).statusCode())
                .isEqualTo(204);

        publishTransfer("posted", sofia.id(), UUID.randomUUID(), "debit", 42_50, 57_50);

        JsonNode pushed = await().atMost(WAIT).until(() -> pushesTo(phoneToken), list -> list.size() == 1).get(0);
        assertThat(pushed.get("title").asString()).isEqualTo("Enviaste S/ 42.50");
        assertThat(pushed.get("body").asString()).startsWith("Quipu: salieron S/ 42.50 de tu cuenta ****");
        assertThat(pushed.get("data").get("kind").asString()).isEqualTo("money_sent");
        JsonNode item = awaitInbox(sofia, 1, deliveries -> deliveries.stream()
                .anyMatch(delivery -> delivery.get("channel").asString().equals("push")
                        && delivery.get("status").asString().equals("sent"))).get(0);
        assertThat(pushed.get("data").get("notificationId").asString()).isEqualTo(item.get("id").asString());
        await().atMost(WAIT).until(() -> json(asSofia.get("/notifications/devices")).size() == 1);
        assertThat(json(asSofia.get("/notifications/devices")).get(0).get("label").asString()).isEqualTo("Mi celular");
    }

    @Test
    void theCustomerChoosesTheChannelsPerKind() {
        Customer raul = customer("Raúl", "es");
        TestHttp asRaul = new TestHttp(port, raul.token());
        JsonNode defaults = json(asRaul.get("/notifications/preferences")).get("events");
        assertThat(defaults.get("money_received").toString()).contains("email", "web", "push");

        HttpResponse<String> updated = put(asRaul, "/notifications/preferences", "{\"events\":{\"money_received\":[\"sms\"]}}");
        assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
        assertThat(json(updated).get("events").get("money_received").toString()).isEqualTo("[\"sms\"]");
        assertThat(json(updated).get("events").get("money_sent").toString()).contains("email"); // untouched

        publishTransfer("posted", raul.id(), UUID.randomUUID(), "credit", 7_00, 7_00);
        JsonNode sms = await().atMost(WAIT).until(() -> smsTo(raul.phone()), list -> list.size() == 1).get(0);
        assertThat(sms.get("text").asString()).startsWith("Quipu: recibiste S/ 7.00 en tu cuenta ****");
        JsonNode item = awaitInbox(raul, 1, deliveries -> true).get(0);
        assertThat(statuses(item)).containsOnlyKeys("sms");
        assertThat(MAIL.to(raul.email())).isEmpty();
    }

    // --- who may read what, and bad input -------------------------------------------------------------------------------

    @Test
    void onlyCustomersReachTheirOwnAndBadInputIsAProblem() throws Exception {
        Customer owner = customer("Olga", "es");
        Customer other = customer("Oscar", "es");
        TestHttp asOwner = new TestHttp(port, owner.token());
        TestHttp asOther = new TestHttp(port, other.token());

        assertProblem(new TestHttp(port, null).get("/notifications"), 401, "unauthenticated");
        String staff = TestTokens.get().staff("demo.analyst", "notifications", List.of("analyst"), "notifications:read");
        assertThat(new TestHttp(port, staff).get("/notifications").statusCode()).isEqualTo(403);
        String readOnly = TestTokens.get().customer(owner.id(), "notifications", "notifications:read");
        assertThat(put(new TestHttp(port, readOnly), "/notifications/preferences",
                "{\"events\":{\"money_sent\":[]}}").statusCode()).isEqualTo(403);
        try (SseReader anonymous = new SseReader(port, null)) {
            assertThat(anonymous.status).isEqualTo(401);
        }

        assertProblem(asOwner.get("/notifications?limit=0"), 400, "invalid_limit");
        assertProblem(asOwner.get("/notifications?limit=101"), 400, "invalid_limit");
        assertProblem(asOwner.get("/notifications?limit=abc"), 400, null);
        assertProblem(asOwner.get("/notifications?cursor=not-an-id"), 400, "invalid_cursor");
        assertProblem(put(asOwner, "/notifications/preferences", "{\"events\":{\"lottery_won\":[\"email\"]}}"), 400, null);
        assertProblem(put(asOwner, "/notifications/preferences", "{\"events\":{\"money_sent\":[\"pigeon\"]}}"), 400, null);
        assertProblem(put(asOwner, "/notifications/preferences", "{\"events\":{}}"), 400, "invalid_preferences");
        assertProblem(put(asOwner, "/notifications/preferences", "{\"events\":"), 400, null);
        assertProblem(put(asOwner, "/notifications/preferences", "[1,2]"), 400, null);
        assertProblem(asOwner.post("/notifications/devices", "{\"token\":\"abc\",\"platform\":\"blackberry\"}"), 400, null);
        assertProblem(asOwner.post("/notifications/devices", "{\"token\":\"a b\",\"platform\":\"ios\"}"), 400, null);
        assertProblem(asOwner.post("/notifications/devices", "{\"token\":\"" + "x".repeat(5000) + "\",\"platform\":\"ios\"}"),
                400, null);
        assertProblem(asOwner.post("/notifications/devices", "{}"), 400, null);

        // A device is its owner's alone: another customer cannot see or remove it.
        HttpResponse<String> device = asOwner.post("/notifications/devices",
                "{\"token\":\"" + sandboxDevice("web") + "\",\"platform\":\"web\"}");
        String deviceId = json(device).get("id").asString();
        assertThat(json(asOther.get("/notifications/devices"))).isEmpty();
        assertProblem(asOther.send(asOther.builder("/notifications/devices/" + deviceId).DELETE().build()), 404, "device_not_found");
        assertProblem(asOwner.send(asOwner.builder("/notifications/devices/not-a-uuid").DELETE().build()), 400, null);
        assertThat(asOwner.send(asOwner.builder("/notifications/devices/" + deviceId).DELETE().build()).statusCode()).isEqualTo(204);

        // The inbox is always the caller's: there is no way to name another customer.
        publishTransfer("posted", owner.id(), UUID.randomUUID(), "credit", 1_00, 1_00);
        awaitInbox(owner, 1, deliveries -> true);
        assertThat(inbox(other).get("items")).isEmpty();
        assertThat(json(asOther.get("/notifications?customerId=" + owner.id())).get("items")).isEmpty();
    }

    @Test
    void theInboxPagesNewestFirst() {
        Customer paula = customer("Paula", "es");
        TestHttp asPaula = new TestHttp(port, paula.token());
        put(asPaula, "/notifications/preferences", "{\"events\":{\"money_received\":[]}}");
        for (int i = 1; i <= 5; i++) {
            publishTransfer("posted", paula.id(), UUID.randomUUID(), "credit", i * 100, i * 100);
        }
        await().atMost(WAIT).until(() -> inbox(paula).get("items").size() == 5);
        JsonNode first = json(asPaula.get("/notifications?limit=2"));
        assertThat(first.get("items")).hasSize(2);
        JsonNode second = json(asPaula.get("/notifications?limit=2&cursor=" + first.get("nextCursor").asString()));
        JsonNode third = json(asPaula.get("/notifications?limit=2&cursor=" + second.get("nextCursor").asString()));
        assertThat(third.get("items")).hasSize(1);
        assertThat(third.has("nextCursor") && !third.get("nextCursor").isNull()).isFalse();
        List<String> ids = new ArrayList<>();
        for (JsonNode page : List.of(first, second, third)) {
            page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        }
        assertThat(ids).doesNotHaveDuplicates().isSortedAccordingTo((a, b) -> UUID.fromString(b).compareTo(UUID.fromString(a)));
    }

    // --- helpers ----------------------------------------------------------------------------------------------------------

    record Customer(UUID id, String email, String phone, String token) {
    }

    Customer customer(String name, String language) {
        String email = name.toLowerCase().replaceAll("[^a-z]", "") + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.pe";
        String phone = "+519" + String.format("%08d", PHONES.incrementAndGet() % 100_000_000);
        UUID id = CUSTOMERS.addCustomer(name, email, phone, language);
        return new Customer(id, email, phone, TestTokens.get().customer(id, "notifications", "notifications:read",
                "notifications:write"));
    }

    /** The account number the ledger would give the account: 14 digits, derived from the id so each test has its own. */
    static String accountNumber(UUID accountId) {
        return String.format("1940%010d", Math.floorMod(accountId.getLeastSignificantBits(), 10_000_000_000L));
    }

    CloudEvent transferEvent(String kind, UUID customerId, UUID accountId, String direction, long amountMinor,
                             long availableAfterMinor) {
        return transferEvent(kind, customerId, accountId, direction, amountMinor, availableAfterMinor, "internal_transfer");
    }

    CloudEvent transferEvent(String kind, UUID customerId, UUID accountId, String direction, long amountMinor,
                             long availableAfterMinor, String code) {
        TransferEvent transfer = new TransferEvent(UUID.randomUUID(), kind, accountId, customerId, direction, UUID.randomUUID(),
                Money.ofMinor(amountMinor, "PEN"), code, null, System.nanoTime(), Instant.now(),
                Money.ofMinor(availableAfterMinor, "PEN"), Money.ofMinor(availableAfterMinor, "PEN"), accountNumber(accountId));
        return codec.create(UUID.randomUUID(), LedgerContracts.EVENT_TYPE_PREFIX + kind, accountId.toString(), transfer, null);
    }

    void publishTransfer(String kind, UUID customerId, UUID accountId, String direction, long amountMinor, long availableAfterMinor) {
        CloudEvent event = transferEvent(kind, customerId, accountId, direction, amountMinor, availableAfterMinor);
        send(Topics.TRANSFERS, accountId.toString(), codec.serialize(event));
    }

    void publish(String topic, String key, String type, Object data) {
        send(topic, key, codec.serialize(codec.create(UUID.randomUUID(), type, key, data, null)));
    }

    void send(String topic, String key, byte[] value) {
        try {
            kafka.send(topic, key, value).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish to " + topic, e);
        }
    }

    JsonNode inbox(Customer customer) {
        HttpResponse<String> response = new TestHttp(port, customer.token()).get("/notifications?limit=100");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** Waits until the inbox holds {@code count} notifications whose deliveries all satisfy {@code deliveriesDone}. */
    List<JsonNode> awaitInbox(Customer customer, int count, java.util.function.Predicate<List<JsonNode>> deliveriesDone) {
        return await().atMost(WAIT).until(() -> {
            List<JsonNode> items = new ArrayList<>();
            inbox(customer).get("items").forEach(items::add);
            return items;
        }, items -> items.size() == count && items.stream().allMatch(item -> {
            List<JsonNode> deliveries = new ArrayList<>();
            item.get("deliveries").forEach(deliveries::add);
            return deliveriesDone.test(deliveries);
        }));
    }

    JsonNode awaitEmailDelivery(Customer customer, java.util.function.Predicate<JsonNode> done) {
        return await().atMost(WAIT).until(() -> {
            JsonNode items = inbox(customer).get("items");
            if (items.isEmpty()) {
                return null;
            }
            for (JsonNode delivery : items.get(0).get("deliveries")) {
                if (delivery.get("channel").asString().equals("email")) {
                    return delivery;
                }
            }
            return null;
        }, delivery -> delivery != null && done.test(delivery));
    }

    static Map<String, String> statuses(JsonNode item) {
        Map<String, String> statuses = new java.util.TreeMap<>();
        item.get("deliveries").forEach(delivery -> statuses.put(delivery.get("channel").asString(), delivery.get("status").asString()));
        return statuses;
    }

    static List<Mailbox.Mail> awaitMails(String address, int count) {
        return await().atMost(WAIT).until(() -> MAIL.to(address), mails -> mails.size() >= count);
    }

    static TestHttp sandbox() {
        return new TestHttp(SANDBOX.baseUrl(), null);
    }

    /** A phone app's registration token, as the push provider's SDK gives it. */
    static String sandboxDevice(String platform) {
        HttpResponse<String> response = sandbox().post("/sandbox/push/devices", "{\"platform\":\"" + platform + "\"}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("token").asString();
    }

    static List<JsonNode> smsTo(String phone) {
        List<JsonNode> messages = new ArrayList<>();
        json(sandbox().get("/sandbox/sms?to=" + URLEncoder.encode(phone, StandardCharsets.UTF_8))).forEach(messages::add);
        return messages;
    }

    static List<JsonNode> pushesTo(String token) {
        List<JsonNode> messages = new ArrayList<>();
        json(sandbox().get("/sandbox/push?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))).forEach(messages::add);
        return messages;
    }

    static HttpResponse<String> put(TestHttp http, String path, String body) {
        return http.send(http.builder(path).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

}

package io.quipu.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;

import io.quipu.platform.embedded.EmbeddedKafka;
import io.quipu.platform.test.EmbeddedInfrastructure;
import io.quipu.platform.test.TestInfrastructure;

@EmbeddedInfrastructure(database = "platform_test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutboxTest {

    private static final int CHANGES = 1_000;

    @Autowired
    PlatformTestApplication.RecordingService recording;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaTemplate<String, byte[]> kafkaTemplate;

    @Test
    void everyEventArrivesExactlyOnceAlthoughTheBrokerStopsInTheMiddle() throws Exception {
        EmbeddedKafka kafka = TestInfrastructure.get().kafka();
        AtomicInteger written = new AtomicInteger();
        CountDownLatch brokerStopped = new CountDownLatch(1);
        // Writes go on while the broker stops; the second half waits until it is down, so some events must wait in the
        // outbox however fast the first half was relayed.
        Thread writer = new Thread(() -> {
            for (int number = 0; number < CHANGES; number++) {
                if (number == CHANGES / 2) {
                    awaitQuietly(brokerStopped);
                }
                recording.record(number);
                written.incrementAndGet();
            }
        });
        writer.start();
        awaitCondition(() -> written.get() >= 300, Duration.ofSeconds(60));
        kafka.stop();
        brokerStopped.countDown();
        try {
            writer.join(Duration.ofSeconds(120).toMillis());
            assertThat(written.get()).isEqualTo(CHANGES);
            assertThat(count("select count(*) from recorded where number < " + CHANGES)).isEqualTo(CHANGES);
            // While the broker is down the events wait in the outbox: committed, not lost.
            assertThat(count("select count(*) from platform.outbox_events")).isPositive();
        } finally {
            kafka.start();
        }

        awaitCondition(() -> count("select count(*) from received where number < " + CHANGES) >= CHANGES, Duration.ofSeconds(120));
        assertThat(count("select count(*) from platform.outbox_events")).isZero();

        // A resend of an event already delivered (the relay crashed after Kafka's ack, before its delete) is skipped.
        byte[] alreadyDelivered = duplicateOfADeliveredEvent();
        kafkaTemplate.send(new ProducerRecord<>(PlatformTestApplication.TOPIC, "key-1", alreadyDelivered)).get();
        Thread.sleep(2_000);

        // Numbers below CHANGES are this test's (other tests use other numbers in the same tables).
        assertThat(count("select count(*) from received where number < " + CHANGES)).isEqualTo(CHANGES);
        assertThat(count("select count(distinct number) from received where number < " + CHANGES)).isEqualTo(CHANGES);
        assertThat(count("select count(distinct event_id) from received where number < " + CHANGES)).isEqualTo(CHANGES);
    }

    private byte[] duplicateOfADeliveredEvent() {
        String eventId = jdbc.sql("select event_id from received where number < " + CHANGES + " limit 1").query(String.class).single();
        int number = jdbc.sql("select number from received where event_id = :id").param("id", eventId).query(Integer.class).single();
        return ("{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\",\"source\":\"urn:quipu:platform-test\","
                + "\"type\":\"io.quipu.test.recorded\",\"datacontenttype\":\"application/json\",\"data\":{\"number\":" + number + "}}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(100);
        }
    }
}

package io.quipu.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;

import io.quipu.platform.test.EmbeddedInfrastructure;
import io.quipu.platform.test.TestInfrastructure;

/** A record no consumer can ever process goes to the topic's dead-letter topic, and the consumer carries on. */
@EmbeddedInfrastructure(database = "platform_test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeadLetterTest {

    @Autowired
    KafkaTemplate<String, byte[]> kafkaTemplate;
    @Autowired
    PlatformTestApplication.RecordingService recording;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void poisonRecordsGoToTheDeadLetterTopic() throws Exception {
        String poison = "not a cloud event " + UUID.randomUUID();
        kafkaTemplate.send(new ProducerRecord<>(PlatformTestApplication.TOPIC, "poison", poison.getBytes(StandardCharsets.UTF_8))).get();
        int number = 900_000 + (int) (Math.random() * 50_000);
        recording.record(number);

        try (var consumer = new KafkaConsumer<String, byte[]>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(PlatformTestApplication.TOPIC + ".DLT"));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (new String(record.value(), StandardCharsets.UTF_8).equals(poison)) {
                        assertThat(record.key()).isEqualTo("poison");
                        assertThat(record.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
                        awaitReceived(number);
                        return;
                    }
                }
            }
        }
        throw new AssertionError("the poison record did not reach the dead-letter topic");
    }

    /** The good event behind the poison one is still processed. */
    private void awaitReceived(int number) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (jdbc.sql("select count(*) from received where number = :number").param("number", number).query(Long.class).single() == 1) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the event after the poison record was not processed");
    }
}

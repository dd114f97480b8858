package io.quipu.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedServersTest {

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    Path temporary;

    @Test
    void postgresKeepsDataAcrossRestartsAndCreatesDatabases() throws Exception {
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "quipu-embedded-test-" + System.nanoTime());
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(home, 0, false)) {
            postgres.createDatabaseIfMissing("ledger_test");
            postgres.createDatabaseIfMissing("ledger_test");
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("ledger_test"), postgres.username(), "")) {
                connection.createStatement().execute("create table kept(value bigint)");
                connection.createStatement().execute("insert into kept values (42)");
            }
        }
        try (EmbeddedPostgres again = EmbeddedPostgres.start(home, 0, false);
             Connection connection = DriverManager.getConnection(again.jdbcUrl("ledger_test"), again.username(), "")) {
            ResultSet result = connection.createStatement().executeQuery("select value from kept");
            assertThat(result.next()).isTrue();
            assertThat(result.getLong(1)).isEqualTo(42);
            ResultSet version = connection.createStatement().executeQuery("show server_version_num");
            version.next();
            assertThat(Integer.parseInt(version.getString(1))).isGreaterThanOrEqualTo(150000);
        }
    }

    @Test
    void postgresTakesTheCallersSettingsOverItsDefaultsAndRefusesAnythingElse() throws Exception {
        // Not under @TempDir: PostgreSQL runs as 'nobody' when the tests run as root, and cannot enter JUnit's directory.
        Path home = Path.of(System.getProperty("java.io.tmpdir"), "quipu-embedded-settings-test-" + System.nanoTime());
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(home, 0, false, true,
                Map.of("shared_buffers", "64MB", "work_mem", "8MB"));
             Connection connection = DriverManager.getConnection(postgres.jdbcUrl("postgres"), postgres.username(), "")) {
            assertThat(setting(connection, "shared_buffers")).isEqualTo("64MB");
            assertThat(setting(connection, "work_mem")).isEqualTo("8MB");
            assertThat(setting(connection, "max_connections")).isEqualTo("400");
        }
        assertThatThrownBy(() -> EmbeddedPostgres.start(home, 0, false, true, Map.of("work_mem", "8MB -c fsync=off")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("work_mem");
    }

    private static String setting(Connection connection, String name) throws Exception {
        ResultSet result = connection.createStatement().executeQuery("show " + name);
        result.next();
        return result.getString(1);
    }

    @Test
    void kafkaKeepsMessagesAcrossAStopAndStart() {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(temporary.resolve("kafka"), 0, 2)) {
            kafka.createTopics(Map.of("greetings", 3));
            send(kafka, "before-stop");
            kafka.stop();
            assertThat(kafka.isRunning()).isFalse();
            kafka.start();
            send(kafka, "after-start");
            assertThat(readAll(kafka)).containsExactlyInAnyOrder("before-stop", "after-start");
        }
    }

    private static void send(EmbeddedKafka kafka, String value) {
        try (var producer = new KafkaProducer<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("greetings", value, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> readAll(EmbeddedKafka kafka) {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("greetings"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < 2 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}

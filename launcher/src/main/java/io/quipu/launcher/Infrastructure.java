package io.quipu.launcher;

import io.quipu.contracts.events.Topics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quipu.platform.embedded.EmbeddedKafka;
import io.quipu.platform.embedded.EmbeddedPostgres;
import io.quipu.platform.embedded.FreePorts;

/** The embedded PostgreSQL server and Kafka broker of the local run, with their data under {@code .quipu/data}. */
final class Infrastructure implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Infrastructure.class);

    /** The platform's topics and their partitions (ARCHITECTURE.md, "Events"); each also gets a dead-letter topic. */
    static final Map<String, Integer> TOPIC_PARTITIONS = topicPartitions();

    private static final int DEFAULT_PARTITIONS = 3;

    private final EmbeddedPostgres postgres;
    private final EmbeddedKafka kafka;

    private Infrastructure(EmbeddedPostgres postgres, EmbeddedKafka kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /**
     * Starts PostgreSQL with a database per name in {@code databases}, then Kafka with the platform's topics.
     *
     * @throws LaunchException when a port is taken
     */
    static Infrastructure start(Settings settings, Collection<String> databases) {
        Path postgresHome = settings.dataDirectory().resolve("postgres");
        if (!FreePorts.isFree(settings.postgresPort()) && !isOurLeftOverPostgres(postgresHome, settings.postgresPort())) {
            throw new LaunchException("PostgreSQL cannot listen on port " + settings.postgresPort()
                    + ": another process uses it. Stop that process or choose another port with "
                    + Settings.POSTGRES_PORT_VARIABLE + "=<port>");
        }
        if (!FreePorts.isFree(settings.kafkaPort())) {
            throw new LaunchException("Kafka cannot listen on port " + settings.kafkaPort()
                    + ": another process uses it. Stop that process or choose another port with "
                    + Settings.KAFKA_PORT_VARIABLE + "=<port>");
        }
        log.info("starting PostgreSQL on port {}…", settings.postgresPort());
        EmbeddedPostgres postgres = EmbeddedPostgres.start(postgresHome, settings.postgresPort(), true, false);
        try {
            for (String database : databases) {
                postgres.createDatabaseIfMissing(database);
            }
            log.info("starting Kafka on port {}…", settings.kafkaPort());
            EmbeddedKafka kafka = EmbeddedKafka.start(settings.dataDirectory().resolve("kafka"), settings.kafkaPort(),
                    DEFAULT_PARTITIONS);
            try {
                kafka.createTopics(TOPIC_PARTITIONS);
            } catch (RuntimeException e) {
                kafka.close();
                throw e;
            }
            return new Infrastructure(postgres, kafka);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    int postgresPort() {
        return postgres.port();
    }

    String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    String postgresUsername() {
        return postgres.username();
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Kafka first: the services are gone by now, and the broker's own shutdown needs nothing from PostgreSQL. */
    @Override
    public void close() {
        try {
            kafka.close();
            log.info("Kafka stopped");
        } finally {
            postgres.close();
            log.info("PostgreSQL stopped");
        }
    }

    /**
     * A launcher that was killed leaves its PostgreSQL running on the same data directory and port;
     * {@link EmbeddedPostgres} stops such a server itself, so its port being taken is not a conflict.
     */
    private static boolean isOurLeftOverPostgres(Path postgresHome, int port) {
        Path pidFile = postgresHome.resolve("pgdata").resolve("postmaster.pid");
        try {
            // postmaster.pid: pid, data directory, start time, port, ...
            List<String> lines = Files.readAllLines(pidFile);
            return lines.size() > 3 && lines.get(3).trim().equals(String.valueOf(port));
        } catch (IOException e) {
            return false;
        }
    }

    private static Map<String, Integer> topicPartitions() {
        return Collections.unmodifiableMap(Topics.partitionsWithDeadLetters());
    }
}

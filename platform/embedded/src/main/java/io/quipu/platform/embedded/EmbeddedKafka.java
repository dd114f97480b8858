package io.quipu.platform.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real Apache Kafka broker (KRaft, combined broker + controller, one node) running inside this JVM.
 *
 * <p>Its log directory and ports are fixed for its lifetime, so it can be stopped and started again and clients
 * reconnect to the same address and find the same data: the local run keeps it between runs, tests use it to prove
 * that nothing is lost while the broker is down.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final String CLUSTER_ID = "cXVpcHUtbG9jYWwtMDAx";
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final Path logDirectory;
    private final int brokerPort;
    private final int controllerPort;
    private final int defaultPartitions;
    private KafkaRaftServer server;

    private EmbeddedKafka(Path logDirectory, int brokerPort, int controllerPort, int defaultPartitions) {
        this.logDirectory = logDirectory.toAbsolutePath();
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.defaultPartitions = defaultPartitions;
    }

    /**
     * Formats {@code logDirectory} on first use and starts the broker.
     *
     * @param brokerPort the client port on 127.0.0.1; 0 picks a free one
     */
    public static EmbeddedKafka start(Path logDirectory, int brokerPort, int defaultPartitions) {
        int chosenBrokerPort = brokerPort == 0 ? FreePorts.find() : brokerPort;
        int controllerPort = FreePorts.find();
        EmbeddedKafka kafka = new EmbeddedKafka(logDirectory, chosenBrokerPort, controllerPort, defaultPartitions);
        kafka.start();
        return kafka;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public Path logDirectory() {
        return logDirectory;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Starts the broker again after {@link #stop()}, on the same ports and the same data. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(logDirectory);
            if (!Files.exists(logDirectory.resolve("meta.properties"))) {
                format();
            }
            KafkaRaftServer raftServer = new KafkaRaftServer(KafkaConfig.fromProps(configuration()), Time.SYSTEM);
            raftServer.startup();
            server = raftServer;
            awaitReady();
            log.info("Kafka broker ready on {} (logs {})", bootstrapServers(), logDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the broker and waits until it is down; its data stays. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        KafkaRaftServer stopping = server;
        server = null;
        stopping.shutdown();
        stopping.awaitShutdown();
        log.info("Kafka broker on {} stopped", bootstrapServers());
    }

    @Override
    public void close() {
        stop();
    }

    /** Creates the topics that do not exist yet, each with its partition count. */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = partitionsByTopic.entrySet().stream()
                    .filter(entry -> !existing.contains(entry.getKey()))
                    .map(entry -> new NewTopic(entry.getKey(), entry.getValue(), (short) 1))
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create topics " + partitionsByTopic.keySet(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + ADMIN_TIMEOUT, e);
        }
    }

    private void format() {
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(CLUSTER_ID)
                    .setNodeId(1)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(logDirectory.toString())
                    .setDirectories(List.of(logDirectory.toString()))
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format Kafka log directory " + logDirectory, e);
        }
    }

    private Properties configuration() {
        Properties properties = new Properties();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        properties.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("log.dirs", logDirectory.toString());
        properties.put("num.partitions", String.valueOf(defaultPartitions));
        properties.put("auto.create.topics.enable", "true");
        // One node: every internal topic has one replica.
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "5");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        properties.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        properties.put("log.retention.hours", "168");
        return properties;
    }

    private void awaitReady() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.describeCluster().nodes().get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka broker did not become ready on " + bootstrapServers(), e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafka[" + bootstrapServers() + ", " + logDirectory + "]";
    }
}

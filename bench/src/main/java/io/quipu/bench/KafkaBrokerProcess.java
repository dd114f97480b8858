package io.quipu.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quipu.platform.embedded.EmbeddedKafka;

/**
 * The benchmark's Kafka broker, in a JVM of its own as in any deployment. Inside the load generator's JVM, the broker's
 * garbage (it receives every transfer event the ledger publishes) made that JVM pause for 10-25 ms every few seconds,
 * and every request in flight then was timed that much slower: a benchmark artefact at the height of the p99.
 *
 * <p>The child is this benchmark's own main with {@link #COMMAND}. It writes one line, {@code ready <bootstrap>}, to
 * its output when its topics exist, and stops when its standard input closes, which happens when the benchmark closes
 * it or dies: the broker never outlives the benchmark.
 */
final class KafkaBrokerProcess implements AutoCloseable {

    static final String COMMAND = "kafka-broker";
    private static final String READY = "ready ";
    private static final List<String> JVM_OPTIONS = List.of("-Xmx512m");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STOP_GRACE_PERIOD = Duration.ofSeconds(30);
    private static final int MAX_PARTITIONS_PER_TOPIC = 64;

    private final Process process;
    private final String bootstrapServers;

    private KafkaBrokerProcess(Process process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts the broker with its data under {@code dataDirectory} and these topics, and waits until it is ready. */
    static KafkaBrokerProcess start(Path dataDirectory, Path logFile, Map<String, Integer> partitionsByTopic)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.javaBinary());
        command.addAll(JVM_OPTIONS);
        // The broker's own log goes where the benchmark's went before: the file, errors also to the terminal.
        command.add("-Dquipu.bench.log.file=" + logFile);
        command.add("-Dlogback.configurationFile=quipu-bench-logback.xml");
        command.addAll(ChildJvm.benchmarkItself());
        command.add(COMMAND);
        command.add(dataDirectory.toAbsolutePath().toString());
        partitionsByTopic.forEach((topic, partitions) -> command.add(topic + "=" + partitions));
        Path output = logFile.resolveSibling("kafka-broker.out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(output.toFile())).start();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (true) {
            String ready = Files.readAllLines(output, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith(READY)).findFirst().orElse(null);
            if (ready != null) {
                KafkaBrokerProcess broker = new KafkaBrokerProcess(process, ready.substring(READY.length()).trim());
                Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "bench-stop-kafka"));
                return broker;
            } else if (!process.isAlive()) {
                throw new IllegalStateException("the Kafka broker exited with status " + process.exitValue() + ":\n"
                        + ChildJvm.tail(output, 40) + "\n" + ChildJvm.tail(logFile, 40));
            } else if (System.nanoTime() > deadline) {
                ChildJvm.stop(process, STOP_GRACE_PERIOD);
                throw new IllegalStateException("the Kafka broker was not ready after " + READY_TIMEOUT + ":\n"
                        + ChildJvm.tail(output, 40) + "\n" + ChildJvm.tail(logFile, 40));
            } else {
                Thread.sleep(100);
            }
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    long pid() {
        return process.pid();
    }

    /** Closes the broker's standard input, which stops it gracefully; kills it if it has not stopped in time. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            process.waitFor(STOP_GRACE_PERIOD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            // closed already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ChildJvm.stop(process, STOP_GRACE_PERIOD);
    }

    /** The child's main: {@code kafka-broker <data directory> <topic>=<partitions>…}. */
    static void serve(String[] arguments) throws Exception {
        if (arguments.length < 2) {
            throw new IllegalArgumentException("usage: " + COMMAND + " <data directory> [<topic>=<partitions> …]");
        }
        Path dataDirectory = Path.of(arguments[1]);
        Map<String, Integer> topics = topics(List.of(arguments).subList(2, arguments.length));
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDirectory, 0, 6)) {
            kafka.createTopics(topics);
            System.out.println(READY + kafka.bootstrapServers());
            System.out.flush();
            // Until the benchmark closes this input, or dies and so closes it.
            while (System.in.read() != -1) {
                continue;
            }
        }
    }

    /** {@code name=partitions} arguments, each partition count within 1 to {@value #MAX_PARTITIONS_PER_TOPIC}. */
    static Map<String, Integer> topics(List<String> arguments) {
        Map<String, Integer> topics = new LinkedHashMap<>();
        for (String argument : arguments) {
            String[] parts = argument.split("=", 2);
            int partitions;
            try {
                partitions = parts.length == 2 ? Integer.parseInt(parts[1]) : -1;
            } catch (NumberFormatException e) {
                partitions = -1;
            }
            if (parts[0].isBlank() || partitions < 1 || partitions > MAX_PARTITIONS_PER_TOPIC) {
                throw new IllegalArgumentException("a topic is <name>=<partitions 1-" + MAX_PARTITIONS_PER_TOPIC + ">, not " + argument);
            }
            topics.put(parts[0], partitions);
        }
        return topics;
    }
}

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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.tracing.test.autoconfigure.AutoConfigureTracing;
import org.springframework.boot.test.context.SpringBootTest;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.quipu.platform.test.EmbeddedInfrastructure;
import io.quipu.platform.test.TestInfrastructure;

/** The trace of the request that changed state reaches the consumer of its event, across the outbox. */
@EmbeddedInfrastructure(database = "platform_test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureTracing
class OutboxTracingTest {

    @Autowired
    PlatformTestApplication.RecordingService recording;
    @Autowired
    Tracer tracer;

    @Test
    void theEventCarriesTheTraceOfTheChangeThatWroteIt() {
        int number = 700_000 + (int) (Math.random() * 100_000);
        Span request = tracer.nextSpan().name("a request").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            recording.record(number);
        } finally {
            request.end();
        }
        String traceId = request.context().traceId();

        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.get().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "tracing-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(PlatformTestApplication.TOPIC));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value().contains("\"number\":" + number + "}")) {
                        Header traceparent = record.headers().lastHeader("traceparent");
                        assertThat(traceparent).isNotNull();
                        assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).contains(traceId);
                        assertThat(record.value()).contains("\"traceparent\":\"00-" + traceId);
                        return;
                    }
                }
            }
        }
        throw new AssertionError("event " + number + " not received");
    }
}

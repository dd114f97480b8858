package io.quipu.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The one-pass {@code encode} writes the same CloudEvent as the SDK's two passes, {@code serialize(create(...))}. */
class CloudEventCodecTest {

    record Payload(UUID transferId, String kind, long amountMinor, String currency, Instant createdAt, String note,
                   List<String> tags) {
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final CloudEventCodec codec = new CloudEventCodec(json, "ledger");
    private final Payload payload = new Payload(UUID.fromString("01937f4e-1d2c-7a3b-8c4d-5e6f7a8b9c0d"), "posted", 1_250_075L,
            "PEN", Instant.parse("2026-12-07T23:15:00.123456Z"), "Pago \"cuota\" ñandú \u2028 fin", List.of("a", "b"));

    @Test
    void encodedEventIsTheSdksDocumentApartFromItsTime() {
        UUID id = UUID.randomUUID();
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        JsonNode encoded = json.readTree(codec.encode(id, "io.quipu.ledger.transfer.posted", "subject-1", payload, traceparent));
        JsonNode viaSdk = json.readTree(codec.serialize(
                codec.create(id, "io.quipu.ledger.transfer.posted", "subject-1", payload, traceparent)));

        assertThat(withoutTime(encoded)).isEqualTo(withoutTime(viaSdk));
        assertThat(encoded.get("data").get("amountMinor").asLong()).isEqualTo(1_250_075L);
        assertThat(encoded.get("traceparent").asString()).isEqualTo(traceparent);
    }

    @Test
    void theSdkReadsAnEncodedEventBack() {
        UUID id = UUID.randomUUID();
        Instant before = Instant.now();

        byte[] bytes = codec.encode(id, "io.quipu.customers.customer.onboarded", "customer-7", payload, null);

        CloudEvent event = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).deserialize(bytes);
        assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(event.getId()).isEqualTo(id.toString());
        assertThat(event.getSource().toString()).isEqualTo("urn:quipu:ledger");
        assertThat(event.getType()).isEqualTo("io.quipu.customers.customer.onboarded");
        assertThat(event.getSubject()).isEqualTo("customer-7");
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getExtensionNames()).doesNotContain(CloudEventCodec.TRACEPARENT);
        OffsetDateTime time = event.getTime();
        assertThat(time.getOffset().getTotalSeconds()).isZero();
        assertThat(Duration.between(before, time.toInstant())).isBetween(Duration.ZERO, Duration.ofSeconds(10));

        ReceivedEvent received = codec.deserialize(bytes);
        assertThat(received.data(Payload.class)).isEqualTo(payload);
    }

    private static JsonNode withoutTime(JsonNode event) {
        ObjectNode copy = ((ObjectNode) event).deepCopy();
        assertThat(copy.remove("time")).isNotNull();
        return copy;
    }
}

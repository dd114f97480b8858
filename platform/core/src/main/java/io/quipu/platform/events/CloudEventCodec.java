package io.quipu.platform.events;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events travel as CloudEvents 1.0 in JSON structured mode: the envelope (id, source, type, subject, time) and the
 * payload as embedded JSON, so any consumer, in any language, can read them with a CloudEvents SDK.
 */
public final class CloudEventCodec {

    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;
    /** W3C trace context as a CloudEvents extension (the distributed-tracing extension): the trace crosses the outbox. */
    public static final String TRACEPARENT = "traceparent";

    private final EventFormat format;
    private final JsonMapper jsonMapper;
    private final URI source;

    public CloudEventCodec(JsonMapper jsonMapper, String serviceName) {
        this.format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
        if (format == null) {
            throw new IllegalStateException("the CloudEvents JSON format is not on the class path");
        }
        this.jsonMapper = jsonMapper;
        this.source = URI.create("urn:quipu:" + serviceName);
    }

    public CloudEvent create(UUID id, String type, String subject, Object data, String traceparent) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(id.toString())
                .withSource(source)
                .withType(type)
                .withSubject(subject)
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(jsonMapper.writeValueAsBytes(data));
        if (traceparent != null) {
            builder.withExtension(TRACEPARENT, traceparent);
        }
        return builder.build();
    }

    public byte[] serialize(CloudEvent event) {
        return format.serialize(event);
    }

    /** @throws PoisonEventException when the bytes are not a CloudEvent: retrying cannot help, it goes to the DLT */
    public ReceivedEvent deserialize(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new PoisonEventException("empty record value");
        }
        try {
            return new ReceivedEvent(format.deserialize(bytes), jsonMapper);
        } catch (EventDeserializationException | IllegalArgumentException | IllegalStateException e) {
            throw new PoisonEventException("not a CloudEvent: " + e.getMessage(), e);
        }
    }
}

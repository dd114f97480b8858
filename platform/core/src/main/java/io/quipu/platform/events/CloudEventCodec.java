package io.quipu.platform.events;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

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

    private static final String SPEC_VERSION = "1.0";
    private static final String DATA_CONTENT_TYPE = "application/json";

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

    /**
     * The event as the CloudEvents SDK builds it, for callers that need a {@link CloudEvent} (tests that feed consumers,
     * and {@code CloudEventCodecTest}, which holds {@link #encode} to this path). Services publish with {@code encode}.
     */
    public CloudEvent create(UUID id, String type, String subject, Object data, String traceparent) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(id.toString())
                .withSource(source)
                .withType(type)
                .withSubject(subject)
                .withTime(OffsetDateTime.now(ZoneOffset.UTC))
                .withDataContentType(DATA_CONTENT_TYPE)
                .withData(jsonMapper.writeValueAsBytes(data));
        if (traceparent != null) {
            builder.withExtension(TRACEPARENT, traceparent);
        }
        return builder.build();
    }

    /**
     * The same event as {@code serialize(create(...))}, in the same JSON structured mode, written in one pass: the payload
     * goes into the envelope as it is encoded, instead of being encoded to bytes, copied into a String and written raw
     * again. On the ledger's event publisher the two-pass way was a third of all the ledger's allocation under single
     * transfers (docs/performance.md, "the ninth round"); {@code CloudEventCodecTest} checks that the SDK reads both alike.
     */
    public byte[] encode(UUID id, String type, String subject, Object data, String traceparent) {
        String time = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.UTC));
        return jsonMapper.writeValueAsBytes(new StructuredEvent(SPEC_VERSION, id.toString(), source.toString(), type,
                subject, time, DATA_CONTENT_TYPE, traceparent, data));
    }

    /** A CloudEvents 1.0 JSON envelope, attributes in the order the SDK writes them; no traceparent when there is none. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StructuredEvent(String specversion, String id, String source, String type, String subject, String time,
                           String datacontenttype, String traceparent, Object data) {
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

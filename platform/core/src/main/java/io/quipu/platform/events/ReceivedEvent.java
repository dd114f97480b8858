package io.quipu.platform.events;

import java.time.OffsetDateTime;

import io.cloudevents.CloudEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** A CloudEvent read from Kafka, with its payload readable as a contract type. */
public final class ReceivedEvent {

    private final CloudEvent event;
    private final JsonMapper jsonMapper;

    ReceivedEvent(CloudEvent event, JsonMapper jsonMapper) {
        this.event = event;
        this.jsonMapper = jsonMapper;
    }

    public String id() {
        return event.getId();
    }

    public String type() {
        return event.getType();
    }

    public String subject() {
        return event.getSubject();
    }

    public String source() {
        return event.getSource().toString();
    }

    public OffsetDateTime time() {
        return event.getTime();
    }

    public CloudEvent cloudEvent() {
        return event;
    }

    /** @throws PoisonEventException when the payload does not fit the type: a contract violation, not a transient error */
    public <T> T data(Class<T> type) {
        if (event.getData() == null) {
            throw new PoisonEventException("event " + id() + " has no data");
        }
        try {
            return jsonMapper.readValue(event.getData().toBytes(), type);
        } catch (JacksonException e) {
            throw new PoisonEventException("event " + id() + " data is not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}

package io.quipu.audit.events;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.quipu.audit.store.AuditEventStore;
import io.quipu.audit.store.NewAuditEvent;
import io.quipu.audit.store.WriterTransactions;
import io.quipu.contracts.events.Topics;
import io.quipu.platform.events.CloudEventCodec;
import io.quipu.platform.events.EventInbox;
import io.quipu.platform.events.PoisonEventException;
import io.quipu.platform.events.ReceivedEvent;

/**
 * Records every record of every platform topic (consumer group {@value #CONSUMER_GROUP}; not the dead-letter topics)
 * in the audit chain. A CloudEvent is recorded once per event id ({@link EventInbox}, in the insert's transaction);
 * a record that is not one is still recorded, as type {@value #UNPARSEABLE_TYPE} with its bytes, once per Kafka
 * offset. Nothing is skipped: only a database failure makes the platform's error handler retry and, at last, send the
 * record to {@code <topic>.DLT}, from where it can be replayed.
 */
@Component
public class AuditEventConsumer {

    public static final String CONSUMER_GROUP = "audit";
    public static final String UNPARSEABLE_TYPE = "unparseable";
    private static final Logger log = LoggerFactory.getLogger(AuditEventConsumer.class);

    private final CloudEventCodec codec;
    private final EventInbox inbox;
    private final AuditEventStore events;
    private final WriterTransactions transactions;
    private final Clock clock;

    public AuditEventConsumer(CloudEventCodec codec, EventInbox inbox, AuditEventStore events, WriterTransactions transactions,
                              Clock clock) {
        this.codec = codec;
        this.inbox = inbox;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Every platform topic, without the dead-letter topics (what lands there was consumed here already). */
    public static String[] auditedTopics() {
        return Topics.partitions().keySet().toArray(String[]::new);
    }

    @KafkaListener(topics = "#{T(io.quipu.audit.events.AuditEventConsumer).auditedTopics()}", groupId = CONSUMER_GROUP,
            autoStartup = "${quipu.audit.consumer-enabled:true}")
    void onRecord(ConsumerRecord<String, byte[]> record) {
        byte[] content = record.value() == null ? new byte[0] : record.value();
        Instant recordedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        try {
            codec.deserialize(content);
        } catch (PoisonEventException notACloudEvent) {
            log.warn("recording a record that is not a CloudEvent: {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), notACloudEvent.getMessage());
            transactions.write(() -> events.append(unparseable(record, content, recordedAt)));
            return;
        }
        inbox.process(CONSUMER_GROUP, record,
                event -> transactions.write(() -> events.append(cloudEvent(record, event, content, recordedAt))));
    }

    private static NewAuditEvent cloudEvent(ConsumerRecord<String, byte[]> record, ReceivedEvent event, byte[] content,
                                            Instant recordedAt) {
        return new NewAuditEvent(event.id(), record.topic(), record.partition(), record.offset(), event.type(),
                event.source(), event.subject(), record.key(), event.time() == null ? null : event.time().toInstant(),
                recordedAt, content);
    }

    /** Its id names the Kafka record, which is all that identifies it. */
    private static NewAuditEvent unparseable(ConsumerRecord<String, byte[]> record, byte[] content, Instant recordedAt) {
        String eventId = UNPARSEABLE_TYPE + ":" + record.topic() + ":" + record.partition() + ":" + record.offset();
        return new NewAuditEvent(eventId, record.topic(), record.partition(), record.offset(), UNPARSEABLE_TYPE, null, null,
                record.key(), null, recordedAt, content);
    }
}

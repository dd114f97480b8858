package io.quipu.customers.events;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import io.quipu.contracts.customers.CustomerEvent;
import io.quipu.contracts.events.Topics;
import io.quipu.contracts.ledger.TransferEvent;
import io.quipu.customers.application.ProfileCache;
import io.quipu.platform.events.CloudEventCodec;
import io.quipu.platform.events.ReceivedEvent;

/**
 * Drops cached 360° views when money moves on a customer's account or the customer changes. Every instance has its own
 * consumer group (each must hear every event) and starts at the newest record: older events concern views it never
 * cached. A record it cannot read is skipped: the cache's time limit bounds the harm.
 */
@Component
public class ProfileInvalidation {

    private static final Logger log = LoggerFactory.getLogger(ProfileInvalidation.class);

    private final ProfileCache cache;
    private final CloudEventCodec codec;

    public ProfileInvalidation(ProfileCache cache, CloudEventCodec codec) {
        this.cache = cache;
        this.codec = codec;
    }

    @KafkaListener(topics = {Topics.TRANSFERS, Topics.CUSTOMERS},
            groupId = "customers-profile-cache-${random.uuid}",
            properties = {"auto.offset.reset=latest", "enable.auto.commit=true"},
            autoStartup = "${quipu.customers.profile.invalidation-enabled:true}")
    void onEvent(ConsumerRecord<String, byte[]> record) {
        try {
            ReceivedEvent event = codec.deserialize(record.value());
            UUID customerId = Topics.TRANSFERS.equals(record.topic())
                    ? event.data(TransferEvent.class).customerId()
                    : event.data(CustomerEvent.class).customerId();
            if (customerId != null) {
                cache.evict(customerId);
            }
        } catch (RuntimeException unreadable) {
            log.warn("skipped an unreadable {} record at offset {}: {}", record.topic(), record.offset(), unreadable.toString());
        }
    }
}

package io.quipu.customers.config;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.quipu.customers.store.CustomerStore;

/**
 * After the field encryption key is rotated (a new active key id in the configuration, the old one kept for reading),
 * seals every customer's values again under the new key, a batch at a time, so the old key can be retired once
 * nothing uses it. Several instances may run it at once: each customer is rewritten under its row lock.
 */
@Component
class EncryptionKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(EncryptionKeyRotation.class);
    private static final int BATCH = 500;
    /** Per run; the next run goes on (the batches of a large table are spread over time). */
    private static final int MAX_BATCHES = 20;

    private final CustomerStore customers;

    EncryptionKeyRotation(CustomerStore customers) {
        this.customers = customers;
    }

    @Scheduled(fixedDelayString = "${quipu.customers.encryption.reseal-interval:10m}",
            initialDelayString = "${quipu.customers.encryption.reseal-interval:10m}")
    void resealRetiredKeys() {
        int resealed = 0;
        try {
            for (int batch = 0; batch < MAX_BATCHES; batch++) {
                List<UUID> due = customers.sealedWithRetiredKeys(BATCH);
                for (UUID id : due) {
                    if (customers.reseal(id)) {
                        resealed++;
                    }
                }
                if (due.size() < BATCH) {
                    break;
                }
            }
        } catch (RuntimeException e) {
            log.warn("resealing customers under the active key stopped, will go on at the next run: {}", e.toString());
        }
        if (resealed > 0) {
            log.info("sealed {} customers' values again under the active encryption key", resealed);
        }
    }
}

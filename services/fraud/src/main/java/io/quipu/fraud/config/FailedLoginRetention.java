package io.quipu.fraud.config;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.quipu.fraud.store.FailedLoginStore;

/** Deletes failed logins older than the retention, in bounded batches (short transactions, no long locks). */
@Component
public class FailedLoginRetention {

    private static final Logger log = LoggerFactory.getLogger(FailedLoginRetention.class);
    /** Batches per run at most; what is left waits for the next run. */
    static final int MAX_BATCHES_PER_RUN = 100;

    private final FailedLoginStore failedLogins;
    private final FraudProperties properties;
    private final Clock clock;

    FailedLoginRetention(FailedLoginStore failedLogins, FraudProperties properties, Clock clock) {
        this.failedLogins = failedLogins;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${quipu.fraud.failed-logins.cleanup-interval:10m}",
            initialDelayString = "${quipu.fraud.failed-logins.cleanup-interval:10m}")
    void scheduled() {
        try {
            int deleted = deleteExpired();
            if (deleted > 0) {
                log.info("deleted {} expired failed logins", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("failed-logins clean-up failed, will retry: {}", e.toString());
        }
    }

    /** Deletes what is older than the retention; returns how many rows went. */
    public int deleteExpired() {
        Instant before = clock.instant().minus(properties.failedLogins().retention());
        int batch = properties.failedLogins().cleanupBatchSize();
        int total = 0;
        for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
            int deleted = failedLogins.deleteOlderThan(before, batch);
            total += deleted;
            if (deleted < batch) {
                break;
            }
        }
        return total;
    }
}

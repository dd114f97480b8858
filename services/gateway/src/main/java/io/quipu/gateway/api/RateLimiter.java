package io.quipu.gateway.api;

import java.time.Duration;
import java.util.OptionalLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quipu.gateway.domain.RateLimit;

/**
 * Token buckets in this instance's memory, one per key (an address, a client), at most {@code maxTrackedKeys} of them:
 * the least recently used are forgotten first, and a bucket left alone for its period is full again anyway. With
 * several gateway instances each counts on its own (a client spread over N instances gets up to N times the limit).
 */
public class RateLimiter {

    private final RateLimit limit;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(RateLimit limit, long maxTrackedKeys) {
        this.limit = limit;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxTrackedKeys)
                .expireAfterAccess(limit.period())
                .build();
    }

    /** Takes one request from the key's bucket: empty when allowed, else the seconds until the next one is (≥ 1). */
    public OptionalLong tryAcquire(String key) {
        Bucket bucket = buckets.get(key, unused -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        long waitSeconds = Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1;
        return OptionalLong.of(Math.max(1, waitSeconds));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.requests()).refillGreedy(limit.requests(), limit.period()).build())
                .build();
    }
}

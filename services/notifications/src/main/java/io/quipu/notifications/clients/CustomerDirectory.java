package io.quipu.notifications.clients;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

import io.quipu.contracts.customers.CustomerResponse;
import io.quipu.notifications.domain.DeliveryFailure;
import io.quipu.notifications.domain.Recipient;

/**
 * Who to write to: the customers service's {@code GET /customers/{id}} with this service's own client-credentials token
 * ({@code customers:read}; services see contact details in clear), behind a short cache so that a burst of movements of
 * one customer costs one call. Contact details are only ever in this cache, never in the database.
 */
public class CustomerDirectory {

    /** The customers service could not answer; the delivery waits and tries again. */
    public static final String UNAVAILABLE = "customers_unavailable";
    /** The customer does not exist (any more): nothing can be sent. */
    public static final String NOT_FOUND = "customer_not_found";

    private final RestClient customers;
    private final Duration timeToLive;
    private final int maxEntries;
    private final Clock clock;
    private final Map<UUID, Cached> cache;

    private record Cached(Recipient recipient, Instant expiresAt) {
    }

    public CustomerDirectory(RestClient customers, Duration timeToLive, int maxEntries, Clock clock) {
        if (timeToLive.isNegative() || timeToLive.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("the cache's time to live must be 0 to 1 hour");
        }
        if (maxEntries < 1 || maxEntries > 1_000_000) {
            throw new IllegalArgumentException("the cache's size must be 1 to 1,000,000");
        }
        this.customers = customers;
        this.timeToLive = timeToLive;
        this.maxEntries = maxEntries;
        this.clock = clock;
        // Least recently used goes first once full: bounded memory whatever the number of customers.
        this.cache = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Cached> eldest) {
                return size() > CustomerDirectory.this.maxEntries;
            }
        };
    }

    /**
     * @throws DeliveryFailure {@link #UNAVAILABLE} (passing) when the customers service cannot answer, {@link #NOT_FOUND}
     *                         (permanent) when it does not know the customer
     */
    public Recipient recipient(UUID customerId) {
        Instant now = clock.instant();
        synchronized (cache) {
            Cached cached = cache.get(customerId);
            if (cached != null && cached.expiresAt().isAfter(now)) {
                return cached.recipient();
            }
        }
        Recipient recipient = fetch(customerId);
        synchronized (cache) {
            cache.put(customerId, new Cached(recipient, now.plus(timeToLive)));
        }
        return recipient;
    }

    /** The cached recipient, if any, even past its time to live: for a language when the service is down. */
    public Recipient cachedOrNull(UUID customerId) {
        synchronized (cache) {
            Cached cached = cache.get(customerId);
            return cached == null ? null : cached.recipient();
        }
    }

    private Recipient fetch(UUID customerId) {
        CustomerResponse customer;
        try {
            customer = customers.get().uri("/customers/{id}", customerId).retrieve().body(CustomerResponse.class);
        } catch (RestClientResponseException e) {
            HttpStatusCode status = e.getStatusCode();
            if (status.value() == 404) {
                throw DeliveryFailure.permanent(NOT_FOUND, "the customers service does not know the customer");
            }
            throw DeliveryFailure.passing(UNAVAILABLE, "the customers service answered " + status.value(), null);
        } catch (RestClientException | IllegalStateException e) {
            // No connection, a timeout, no token from identity: all may pass.
            throw DeliveryFailure.passing(UNAVAILABLE, "the customers service could not be reached ("
                    + e.getClass().getSimpleName() + ")", null);
        }
        if (customer == null) {
            throw DeliveryFailure.passing(UNAVAILABLE, "the customers service answered without a body", null);
        }
        return new Recipient(customerId, customer.email(), customer.phone(), Recipient.Language.of(customer.language()),
                customer.givenNames());
    }
}

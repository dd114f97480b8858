package io.quipu.customers.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.quipu.contracts.customers.CustomerProfile;
import io.quipu.contracts.customers.ProfilePart;
import io.quipu.contracts.ledger.AccountResponse;
import io.quipu.customers.clients.PlatformServices;
import io.quipu.customers.domain.Customer;

/**
 * The customer 360° view: the record (here) and the parts other services hold, fetched in parallel, each with a time
 * limit. A part that fails or is late is "unavailable", never an error of the whole view. Complete views are cached.
 */
public class ProfileService {

    private static final Logger log = LoggerFactory.getLogger(ProfileService.class);
    /** Bounds of the movements part: accounts looked at, movements per account, movements shown. */
    static final int MAX_ACCOUNTS = 10;
    static final int MOVEMENTS_PER_ACCOUNT = 10;
    static final int MOVEMENTS_SHOWN = 10;

    /** What other services said about a customer, at {@code fetchedAt}. */
    public record Parts(ProfilePart<List<AccountResponse>> accounts, ProfilePart<List<CustomerProfile.Movement>> movements,
                        ProfilePart<List<Object>> loans, Instant fetchedAt) {
        boolean complete() {
            return !"unavailable".equals(accounts.status()) && !"unavailable".equals(movements.status())
                    && !"unavailable".equals(loans.status());
        }
    }

    private final CustomerService customers;
    private final PlatformServices platform;
    private final ProfileCache cache;
    private final ExecutorService executor;
    private final Duration partTimeout;
    private final Clock clock;

    public ProfileService(CustomerService customers, PlatformServices platform, ProfileCache cache, ExecutorService executor,
                          Duration partTimeout, Clock clock) {
        this.customers = customers;
        this.platform = platform;
        this.cache = cache;
        this.executor = executor;
        this.partTimeout = partTimeout;
        this.clock = clock;
    }

    public CustomerProfile profile(UUID customerId) {
        Customer customer = customers.visible(customerId);
        Parts parts = cache.get(customer.id());
        if (parts == null) {
            parts = fetch(customer.id());
            if (parts.complete()) {
                cache.put(customer.id(), parts); // a part that was down is asked again next time
            }
        }
        return new CustomerProfile(customers.view(customer), parts.accounts(), parts.movements(), parts.loans(), parts.fetchedAt());
    }

    private Parts fetch(UUID customerId) {
        Instant fetchedAt = clock.instant();
        CompletableFuture<List<AccountResponse>> accounts = CompletableFuture.supplyAsync(() -> platform.accountsOf(customerId), executor)
                .orTimeout(partTimeout.toMillis(), TimeUnit.MILLISECONDS);
        CompletableFuture<List<CustomerProfile.Movement>> movements = accounts.thenCompose(list -> latestMovements(list))
                .orTimeout(partTimeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        return new Parts(settle("accounts", accounts), settle("movements", movements),
                ProfilePart.notOffered("the loans service is not part of this platform yet"), fetchedAt);
    }

    private CompletableFuture<List<CustomerProfile.Movement>> latestMovements(List<AccountResponse> accounts) {
        List<CompletableFuture<List<CustomerProfile.Movement>>> perAccount = accounts.stream().limit(MAX_ACCOUNTS)
                .map(account -> CompletableFuture.supplyAsync(() -> platform.latestMovements(account.id(), MOVEMENTS_PER_ACCOUNT).lines()
                        .stream().map(line -> new CustomerProfile.Movement(account.id(), line)).toList(), executor)
                        .orTimeout(partTimeout.toMillis(), TimeUnit.MILLISECONDS))
                .toList();
        return CompletableFuture.allOf(perAccount.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<CustomerProfile.Movement> all = new ArrayList<>();
            perAccount.forEach(future -> all.addAll(future.join()));
            all.sort(Comparator.comparingLong((CustomerProfile.Movement movement) -> movement.line().timestamp()).reversed());
            return all.stream().limit(MOVEMENTS_SHOWN).toList();
        });
    }

    private static <T> ProfilePart<T> settle(String part, CompletableFuture<T> future) {
        try {
            return ProfilePart.available(future.join());
        } catch (RuntimeException failed) {
            Throwable cause = failed.getCause() == null ? failed : failed.getCause();
            String reason = cause instanceof TimeoutException ? "the ledger did not answer in time"
                    : "the ledger is not available";
            log.warn("customer profile part {} unavailable: {}", part, cause.toString());
            return ProfilePart.unavailable(reason);
        }
    }
}

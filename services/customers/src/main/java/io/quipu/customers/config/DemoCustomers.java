package io.quipu.customers.config;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.quipu.contracts.customers.CreateCustomerRequest;
import io.quipu.contracts.ledger.AccountProduct;
import io.quipu.contracts.ledger.BatchTransferRequest;
import io.quipu.contracts.ledger.LedgerClient;
import io.quipu.contracts.ledger.OpenAccountRequest;
import io.quipu.contracts.ledger.TransferRequest;
import io.quipu.customers.application.CustomerService;
import io.quipu.customers.store.CustomerStore;
import io.quipu.platform.clients.ServiceCalls;

/**
 * The documented demo customers of the local run (docs/customers.md), for the identity service's demo logins
 * {@code demo.ana} and {@code demo.luis} (same fixed customer ids): their records, a PEN savings account each and an
 * opening cash deposit from the bank's demo cash account. Created when {@code quipu.customers.demo-customers=true}.
 *
 * <p>Every id is derived from a fixed name, so every step is idempotent: a restart, a second instance or a ledger that
 * was not up yet only repeats what is missing (the ledger answers {@code exists} for a transfer made before). Tried
 * every 15 s until everything is in place, at most 40 times.
 */
@Component
@ConditionalOnBooleanProperty("quipu.customers.demo-customers")
public class DemoCustomers {

    private static final Logger log = LoggerFactory.getLogger(DemoCustomers.class);
    static final int MAX_ATTEMPTS = 40;
    static final String OPENING_DEPOSIT = "5000.00";

    record Demo(UUID customerId, CreateCustomerRequest record) {
    }

    static final List<Demo> DEMOS = List.of(
            new Demo(UUID.fromString("0193c0de-0000-7000-8000-000000000001"), new CreateCustomerRequest("Ana", "Quispe",
                    "Mamani", "demo.ana@example.com", "+51900000001", "DNI", "40000001", LocalDate.of(1990, 4, 12),
                    "Av. Arequipa 1234, Lima", "PE", "engineer", "es")),
            new Demo(UUID.fromString("0193c0de-0000-7000-8000-000000000002"), new CreateCustomerRequest("Luis", "Torres",
                    "Huamán", "demo.luis@example.com", "+51900000002", "DNI", "40000002", LocalDate.of(1985, 9, 3),
                    "Jr. de la Unión 456, Lima", "PE", "teacher", "es")));
    static final UUID CASH_ACCOUNT_ID = nameId("demo-cash-PEN");

    private final CustomerService customers;
    private final CustomerStore store;
    private final LedgerClient ledger;
    private int attempts;
    private boolean done;

    DemoCustomers(CustomerService customers, CustomerStore store, LedgerClient ledger) {
        this.customers = customers;
        this.store = store;
        this.ledger = ledger;
    }

    @Scheduled(initialDelay = 2_000, fixedDelay = 15_000)
    synchronized void createMissing() {
        if (done || attempts >= MAX_ATTEMPTS) {
            return;
        }
        attempts++;
        try {
            for (Demo demo : DEMOS) {
                if (store.find(demo.customerId()).isEmpty()) {
                    customers.create(demo.customerId(), demo.record());
                }
            }
            ServiceCalls.call("ledger", () -> {
                openIfMissing(new OpenAccountRequest(CASH_ACCOUNT_ID, null, AccountProduct.SETTLEMENT, "PEN", null, null));
                for (Demo demo : DEMOS) {
                    UUID accountId = nameId("demo-savings-" + demo.customerId());
                    openIfMissing(new OpenAccountRequest(accountId, demo.customerId(), AccountProduct.SAVINGS, "PEN", null, null));
                    ledger.transfer(new BatchTransferRequest(List.of(new TransferRequest(nameId("demo-deposit-" + demo.customerId()),
                            CASH_ACCOUNT_ID, accountId, OPENING_DEPOSIT, "PEN", "cash_deposit", Set.of(), null, null, null))));
                }
                return null;
            });
            done = true;
            log.info("demo customers ready: demo.ana and demo.luis with a PEN savings account each");
        } catch (RuntimeException e) {
            log.info("demo customers not ready yet (try {} of {}): {}", attempts, MAX_ATTEMPTS, e.toString());
        }
    }

    private void openIfMissing(OpenAccountRequest request) {
        try {
            ledger.account(request.id());
        } catch (org.springframework.web.client.HttpClientErrorException.NotFound missing) {
            ledger.openAccount(request);
        }
    }

    private static UUID nameId(String name) {
        return UUID.nameUUIDFromBytes(("quipu:" + name).getBytes(StandardCharsets.UTF_8));
    }
}

package io.quipu.customers.events;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.quipu.contracts.customers.CustomerEvent;
import io.quipu.contracts.customers.CustomersContracts;
import io.quipu.contracts.events.Topics;
import io.quipu.customers.domain.Customer;
import io.quipu.customers.domain.Masking;
import io.quipu.platform.events.Outbox;

/**
 * Announces customers on topic {@code customers} through the outbox, in the transaction of the change. Personal data
 * goes out masked: a consumer that needs more asks this service with its own token.
 */
@Component
public class CustomerEventPublisher {

    private final Outbox outbox;

    public CustomerEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void onboarded(Customer customer, UUID accountId, UUID signedContractDocumentId, Instant at) {
        publish(CustomersContracts.CUSTOMER_ONBOARDED, customer, accountId, signedContractDocumentId, at);
    }

    public void created(Customer customer, Instant at) {
        publish(CustomersContracts.CUSTOMER_CREATED, customer, null, null, at);
    }

    public void updated(Customer customer, Instant at) {
        publish(CustomersContracts.CUSTOMER_UPDATED, customer, null, null, at);
    }

    private void publish(String type, Customer customer, UUID accountId, UUID documentId, Instant at) {
        outbox.append(Topics.CUSTOMERS, customer.id().toString(), type, new CustomerEvent(customer.id(), customer.status().name(),
                customer.riskLevel().name(), customer.fullName(), Masking.email(customer.email()), Masking.phone(customer.phone()),
                customer.documentType().name(), Masking.documentNumber(customer.documentNumber()), customer.language(), accountId,
                documentId, at));
    }
}

package io.quipu.contracts.customers;

import java.util.List;

/** One result per customer of the batch, in the batch's order. */
public record BatchCreateCustomersResponse(List<CustomerBatchResult> results) {
}

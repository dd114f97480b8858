package io.quipu.contracts.customers;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Up to {@link CustomersContracts#MAX_BATCH_SIZE} customers, registered in order as if one by one. Each item is checked
 * by the rules of {@code POST /customers}; an item that fails is a result, not an error of the whole batch.
 */
public record BatchCreateCustomersRequest(
        @NotNull @Size(min = 1, max = CustomersContracts.MAX_BATCH_SIZE) List<@NotNull CustomerBatchItem> customers) {
}

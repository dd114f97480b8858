package io.quipu.contracts.customers;

import java.util.List;

/** One page of a search; {@code nextCursor} is absent on the last page. */
public record CustomerPage(List<CustomerResponse> items, String nextCursor) {
}

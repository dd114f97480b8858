package io.quipu.fraud.application;

import java.util.List;

import io.quipu.contracts.fraud.FraudCase;

/** One page of the analysts' queue; {@code nextCursor} is absent on the last page. */
public record FraudCasePage(List<FraudCase> items, String nextCursor) {
}
